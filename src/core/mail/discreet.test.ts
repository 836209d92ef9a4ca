import { describe, expect, it } from 'vitest';
import { DISCREET_SUBJECT, DISCREET_TEXT, mailFor } from './discreet.js';

const mail = { to: 'robin@example.org', subject: 'Alex answered your letter', text: 'Alex wrote…' };

describe('the discreet rule for mail', () => {
  it('gives a client in discreet mode neutral words only, to the same address', () => {
    const sent = mailFor({ role: 'member', discreet: true }, mail);
    expect(sent).toEqual({ to: mail.to, subject: DISCREET_SUBJECT, text: DISCREET_TEXT });
    expect(`${sent.subject} ${sent.text}`).not.toMatch(/Alex|letter|Steadfast/);
  });

  it('leaves a mail as written for a client not in discreet mode, and for practice staff', () => {
    expect(mailFor({ role: 'member', discreet: false }, mail)).toEqual(mail);
    expect(mailFor({ role: 'therapist', discreet: true }, mail)).toEqual(mail);
    expect(mailFor({ role: 'admin', discreet: false }, mail)).toEqual(mail);
  });
});
