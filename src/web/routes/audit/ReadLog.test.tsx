import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { AdminAuditPage, ReadLogEntry, ReadLogPage } from '../../../shared/api/audit.js';
import { formatWhen } from '../labels.js';
import { AuditLog } from './AuditLog.js';
import { ReadLog, readLogSentence } from './ReadLog.js';

const at = Date.UTC(2026, 11, 3, 14, 5);
const lee = { id: 'lee', name: 'Dr. Lee', role: 'therapist' };
const entry = (over: Partial<ReadLogEntry>): ReadLogEntry => ({
  id: crypto.randomUUID(),
  at,
  action: 'read',
  category: 'checkins',
  count: 12,
  actor: lee,
  mine: false,
  ...over,
});

function render(key: string[], page: ReadLogPage | AdminAuditPage, screen: React.ReactNode) {
  const client = new QueryClient();
  client.setQueryData(key, { pages: [page], pageParams: [''] });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>{screen}</MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the read log in plain words', () => {
  it('says who looked at what, how many, and when', () => {
    expect(readLogSentence(entry({}))).toBe('Dr. Lee looked at your check-ins (12)');
    expect(readLogSentence(entry({ action: 'export', category: 'screens', count: 3 }))).toBe(
      'Dr. Lee made a report from your questionnaire results (3)',
    );
    expect(
      readLogSentence(entry({ action: 'consent', mine: true, actor: { ...lee, name: 'Alex' } })),
    ).toBe('You changed your sharing choice for check-ins');
    expect(readLogSentence(entry({ action: 'link' }))).toBe('Dr. Lee changed their link with you');
    // An account that is gone still has its reads listed.
    expect(readLogSentence(entry({ actor: { ...lee, name: '' } }))).toBe(
      'Someone who no longer has an account looked at your check-ins (12)',
    );
  });

  it('lists the entries with their time, and offers earlier ones when there are more', () => {
    const html = render(['audit', 'reads'], { items: [entry({})], nextCursor: '4' }, <ReadLog />);
    expect(html).toContain('Dr. Lee looked at your check-ins (12)');
    expect(html).toContain(
      `<time dateTime="${new Date(at).toISOString()}">on ${formatWhen(at)}</time>`,
    );
    expect(html).toContain('Show earlier entries');
  });

  it('says so plainly when no one has looked at anything', () => {
    const html = render(['audit', 'reads'], { items: [], nextCursor: null }, <ReadLog />);
    expect(html).toContain('No therapist has looked at anything yet.');
    expect(html).not.toContain('Show earlier entries');
  });
});

describe('the practice’s audit log', () => {
  it('shows who acted and a reference for the client, and a way to check the chain', () => {
    const html = render(
      ['audit', 'practice'],
      {
        items: [
          {
            seq: 2,
            id: 'e2',
            at,
            action: 'consent',
            category: 'letters',
            count: 0,
            actor: { id: 'ref', name: '', role: 'member' },
            subjectRef: '1a2b3c4d',
            requestId: 'req-2',
          },
          {
            seq: 1,
            id: 'e1',
            at,
            action: 'read',
            category: 'checkins',
            count: 12,
            actor: lee,
            subjectRef: '1a2b3c4d',
            requestId: 'req-1',
          },
        ],
        nextCursor: null,
      },
      <AuditLog />,
    );
    expect(html).toContain('<td>Dr. Lee</td>');
    expect(html).toContain('<td>A client</td>');
    expect(html).toContain('<code>1a2b3c4d</code>');
    expect(html).toContain('<code>req-1</code>');
    expect(html).toContain('Check the log now');
  });
});
