import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { IntakeDetail } from '../../../shared/api/intake.js';
import { Details } from './Intake.js';

const request: IntakeDetail = {
  id: '00000000-0000-4000-8000-000000000001',
  createdAt: Date.UTC(2026, 10, 1),
  updatedAt: Date.UTC(2026, 10, 1),
  status: 'contacted',
  lookingFor: 'couple',
  therapist: null,
  name: 'Robin',
  contactMethod: 'text',
  contactDetail: '07700 900123',
  times: '',
  safeToLeaveMessage: false,
  message: 'Please <b>text</b> only.',
};

describe('an intake request in the inbox', () => {
  const html = renderToStaticMarkup(<Details r={request} />);

  it('shows how to reply, and says plainly when no message may be left', () => {
    expect(html).toContain('<dd>A text message</dd>');
    expect(html).toContain('<dd>07700 900123</dd>');
    expect(html).toContain('<dd>No: do not leave a message</dd>');
    expect(html).toContain('<dd>Anyone</dd>');
    expect(html).toContain('<dd>Contacted</dd>');
  });

  it("shows the person's words as text, and says when something was not given", () => {
    expect(html).toContain('Please &lt;b&gt;text&lt;/b&gt; only.');
    expect(html).toContain('<dd>Not given</dd>');
  });
});
