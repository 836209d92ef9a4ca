import type { Outbox } from '../../shared/api/mail.js';
import { sealContext } from '../crypto/contexts.js';
import type { Deps } from '../deps.js';
import { latestOutbox } from './outbox.store.js';

const OUTBOX_LIMIT = 200;

/** The kept emails, opened for the administrator, who passes them on when there is no SMTP. */
export async function outbox(deps: Deps): Promise<Outbox> {
  const { sealer } = deps;
  const stored = await latestOutbox(deps.database.db, OUTBOX_LIMIT);
  return {
    smtp: deps.config.smtpUrl !== undefined,
    items: stored.map((m) => ({
      id: m.id,
      to: sealer.openForServer(m.recipientSealed, sealContext('outboxRecipient', m.id)),
      subject: m.subject,
      text: sealer.openForServer(m.bodySealed, sealContext('outboxBody', m.id)),
      createdAt: m.createdAt,
    })),
  };
}
