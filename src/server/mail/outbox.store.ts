import type { Db } from '../db/schema.js';

/** A queued email, its recipient and body already sealed under the master key. */
export interface NewMail {
  readonly id: string;
  readonly recipientSealed: string;
  readonly subject: string;
  readonly bodySealed: string;
  readonly now: number;
}

export async function writeOutbox(db: Db, mail: NewMail): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({
      id: mail.id,
      recipient: mail.recipientSealed,
      subject: mail.subject,
      body: mail.bodySealed,
      created_at: mail.now,
    })
    .execute();
}

/** A kept email as stored: recipient and body still sealed. */
export interface StoredMail {
  readonly id: string;
  readonly recipientSealed: string;
  readonly subject: string;
  readonly bodySealed: string;
  readonly createdAt: number;
}

/** The newest kept emails first. */
export async function latestOutbox(db: Db, limit: number): Promise<StoredMail[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['id', 'recipient', 'subject', 'body', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    recipientSealed: r.recipient,
    subject: r.subject,
    bodySealed: r.body,
    createdAt: Number(r.created_at),
  }));
}
