import { sealContext } from '../crypto/contexts.js';
import type { Db } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { writeOutbox } from '../features/partners/invites.store.js';

/**
 * Sends one email. This thin version writes it to the outbox only (recipient and body sealed under
 * the master key); the practice's mail module (SMTP when `SMTP_URL` is set) replaces it with the
 * same signature. `db` lets the caller queue the mail in its own transaction.
 */
export async function sendMail(
  deps: Deps,
  mail: { to: string; subject: string; text: string },
  db?: Db,
): Promise<void> {
  const id = deps.newId();
  await writeOutbox(db ?? deps.database.db, {
    id,
    recipientSealed: deps.sealer.sealForServer(mail.to, sealContext('outboxRecipient', id)),
    subject: mail.subject,
    bodySealed: deps.sealer.sealForServer(mail.text, sealContext('outboxBody', id)),
    now: deps.clock(),
  });
}
