import type { AuditVerdict } from '../shared/api/audit.js';

const why: Record<Extract<AuditVerdict, { ok: false }>['reason'], string> = {
  gap: 'is missing (it was removed, or the log was cut)',
  previous_hash:
    'does not follow the event before it (events before it were removed, reordered or changed)',
  hash: 'was changed after it was written (its contents no longer match its hash)',
};

/** What `steadfast audit verify` says about a verdict: one line when intact, the broken link when not. */
export function verdictText(verdict: AuditVerdict): string {
  if (verdict.ok) {
    return `The audit log is intact: ${verdict.count} event${verdict.count === 1 ? '' : 's'}.`;
  }
  const { brokenAt, reason, event, count } = verdict;
  const found = `event ${event.seq} (id ${event.id}, at ${new Date(event.at).toISOString()})`;
  const where =
    reason === 'gap'
      ? `Event ${brokenAt} ${why.gap}; the chain breaks before ${found}.`
      : `The chain breaks at ${found}: it ${why[reason]}.`;
  return [
    `The audit log is broken at event ${brokenAt} (reason: ${reason}).`,
    where,
    `The ${count} event${count === 1 ? '' : 's'} before it are intact.`,
  ].join('\n');
}
