import { z } from 'zod';
import { endpoint } from './endpoint.js';

/** One email the app kept instead of sending (no SMTP_URL is set). */
export const OutboxMail = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.number().int(),
});
export type OutboxMail = z.infer<typeof OutboxMail>;

export const Outbox = z.object({
  /** Whether mail is being sent over SMTP now (then new mail does not land here). */
  smtp: z.boolean(),
  /** The newest kept emails first (at most 200). */
  items: z.array(OutboxMail),
});
export type Outbox = z.infer<typeof Outbox>;

/** Outgoing mail the app kept: the administrator's to read and pass on. */
export const mailApi = {
  outbox: endpoint({
    method: 'GET',
    path: '/api/outbox',
    tag: 'mail',
    summary: 'The emails kept in the outbox, newest first',
    caller: 'admin',
    response: Outbox,
  }),
};
