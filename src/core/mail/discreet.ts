/** One outgoing email, as every feature writes it. */
export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Who a mail is for, as far as the discreet rule cares. */
export interface Recipient {
  readonly role: 'member' | 'admin' | 'therapist';
  /** The person's discreet mode (on in safety mode too). */
  readonly discreet: boolean;
}

/** What a client in discreet mode receives instead: no name, no content, nothing to explain. */
export const DISCREET_SUBJECT = 'A notification';
export const DISCREET_TEXT =
  'You have a new notification. Please sign in to read it.\n\nIf you were not expecting this, you can ignore this message.';

/**
 * Someone else may read a client's inbox: for a client in discreet mode, a mail says nothing
 * beyond "there is something new" — no names, no subject matter, not even which app.
 * Practice staff (administrators, therapists) get the mail as written.
 */
export function mailFor(recipient: Recipient, mail: Mail): Mail {
  if (recipient.role !== 'member' || !recipient.discreet) return mail;
  return { to: mail.to, subject: DISCREET_SUBJECT, text: DISCREET_TEXT };
}
