import nodemailer, { type Transporter } from 'nodemailer';
import { mailFor, type Mail } from '../../core/mail/discreet.js';
import { findUserById } from '../auth/users.store.js';
import { sealContext } from '../crypto/contexts.js';
import type { Db } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { loadSafetyState } from '../features/safety/safety.service.js';
import { writeOutbox } from './outbox.store.js';

/** One SMTP connection pool per configured address, made on first use. */
const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

/**
 * Sends one email: over SMTP when `SMTP_URL` is set, else into the outbox the administrator reads,
 * recipient and body sealed under the master key (a body may carry a link that works, and a copy
 * of the database must not be enough to use it). `db` lets the outbox row join the caller's
 * transaction. SMTP failures are thrown to the caller.
 */
export async function sendMail(deps: Deps, mail: Mail, db?: Db): Promise<void> {
  const { config, sealer } = deps;
  if (config.smtpUrl) {
    await transportFor(config.smtpUrl).sendMail({
      from: config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
    return;
  }
  const id = deps.newId();
  await writeOutbox(db ?? deps.database.db, {
    id,
    recipientSealed: sealer.sealForServer(mail.to, sealContext('outboxRecipient', id)),
    subject: mail.subject,
    bodySealed: sealer.sealForServer(mail.text, sealContext('outboxBody', id)),
    now: deps.clock(),
  });
}

/**
 * Mails a person with an account, holding to the discreet rule (core/mail/discreet.ts): a client in
 * discreet mode gets neutral words only. Nothing is sent when the account no longer exists.
 */
export async function sendMailToPerson(
  deps: Deps,
  userId: string,
  mail: { subject: string; text: string },
  db?: Db,
): Promise<void> {
  const user = await findUserById(db ?? deps.database.db, deps.sealer, userId);
  if (!user) return;
  const discreet = user.role === 'member' && (await loadSafetyState(deps, userId)).discreet;
  await sendMail(deps, mailFor({ role: user.role, discreet }, { to: user.email, ...mail }), db);
}
