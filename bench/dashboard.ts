import {
  accept,
  propose,
  proposeRevision,
  type Agreement,
  type AgreementCategory,
  type AgreementTransition,
} from '../src/core/agreements/agreement.js';
import {
  commit,
  type CommitmentFacts,
  type LogStatus,
  type Rhythm,
} from '../src/core/commitments/commitment.js';
import type { SeededMember } from '../src/cli/seed.js';
import { keyRing, type People } from '../src/server/auth/key-ring.js';
import type { Deps } from '../src/server/deps.js';
import { sealAdded } from '../src/server/features/agreements/agreements.service.js';
import { writeTransition } from '../src/server/features/agreements/agreements.store.js';
import {
  insertCommitment,
  insertLogs,
  refreshReliability,
  type LogEntry,
} from '../src/server/features/commitments/commitments.store.js';
import { insertProgramEvent } from '../src/server/features/program/program.store.js';

const DAY_MS = 86_400_000;

/** What the seeders need; `database.db` is the caller's transaction. */
type SeedDeps = Pick<Deps, 'sealer' | 'newId' | 'database'>;

/** Writes each transition as the server does: the added version's text and diff sealed. */
async function writeAll(
  deps: SeedDeps,
  who: People,
  journeyId: string,
  transitions: readonly AgreementTransition[],
): Promise<void> {
  for (const transition of transitions)
    await writeTransition(deps.database.db, {
      journeyId,
      transition,
      ...sealAdded(who, transition),
    });
}

const bothOf = (deps: SeedDeps, members: readonly [SeededMember, SeededMember]) =>
  keyRing(deps).people(members.map((m) => m.id));

/**
 * The journey dashboard's data for one journey, written through the stores as the server writes
 * it: four accepted agreements (texts sealed under their proposers' keys), a daily and a weekly
 * commitment for each partner with a year of entries (mostly confirmed, some disputed or resolved
 * with a sealed note from the partner, the last days pending), and both partners ready on step 1,
 * one on step 2.
 */
export async function seedDashboard(
  deps: SeedDeps,
  journeyId: string,
  members: readonly [SeededMember, SeededMember],
  now: number,
  seedNo: number,
): Promise<void> {
  const db = deps.database.db;
  const who = await bothOf(deps, members);
  // mulberry32: the same entries for the same journey on every run.
  let x = seedNo >>> 0;
  const random = () => {
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const yearAgo = now - 366 * DAY_MS;
  const texts = [
    'We tell each other where we are when plans change.',
    'Phones stay open to each other when either of us asks.',
    'No private contact with the person involved.',
    'A short check-in together every Sunday evening.',
  ];
  const categories: AgreementCategory[] = [
    'transparency',
    'transparency',
    'contact_rules',
    'routines',
  ];
  // Each proposed by one partner and accepted by the other.
  const agreements: Agreement[] = [];
  for (const [i, text] of texts.entries()) {
    const proposed = propose({
      id: deps.newId(),
      text,
      category: categories[i] ?? 'other',
      by: (members[i % 2] ?? members[0]).id,
      at: yearAgo - DAY_MS + i,
    });
    const accepted = accept(proposed.agreement, (members[(i + 1) % 2] ?? members[1]).id, 1);
    await writeAll(deps, who, journeyId, [proposed, accepted]);
    agreements.push(accepted.agreement);
  }

  const plan: { by: 0 | 1; agreement: number; rhythm: Rhythm }[] = [
    { by: 0, agreement: 0, rhythm: 'daily' },
    { by: 0, agreement: 2, rhythm: 'weekly' },
    { by: 1, agreement: 1, rhythm: 'daily' },
    { by: 1, agreement: 3, rhythm: 'weekly' },
  ];
  const commitments: CommitmentFacts[] = [];
  for (const c of plan) {
    const agreement = agreements[c.agreement];
    if (!agreement) throw new Error(`no agreement ${c.agreement}`);
    const made = commit(agreement, {
      id: deps.newId(),
      by: members[c.by].id,
      rhythm: c.rhythm,
      at: yearAgo,
      existing: [],
    });
    await insertCommitment(db, { ...made, journeyId });
    commitments.push(made);
  }

  const logs = plan.flatMap((c, i) => {
    const committer = members[c.by];
    const partner = members[c.by === 0 ? 1 : 0];
    const step = c.rhythm === 'daily' ? DAY_MS : 7 * DAY_MS;
    const entries: LogEntry[] = [];
    for (let at = yearAgo + step; at < now - DAY_MS; at += step) {
      const id = deps.newId();
      const r = random();
      // The last few days are not looked at yet; before that, mostly confirmed.
      const status: LogStatus =
        at > now - 4 * DAY_MS
          ? 'pending'
          : r < 0.84
            ? 'confirmed'
            : r < 0.92
              ? 'resolved'
              : r < 0.97
                ? 'disputed'
                : 'pending';
      const noted = (status === 'disputed' || status === 'resolved') && random() < 0.7;
      entries.push({
        id,
        commitmentId: commitments[i]?.id ?? '',
        loggedBy: committer.id,
        at: at + Math.floor(random() * 3_600_000),
        status,
        answeredBy: status === 'pending' ? null : partner.id,
        answeredAt: status === 'pending' ? null : at + 7_200_000,
        sealed: noted
          ? who.seal(
              'commitmentLogNote',
              partner.id,
              'I did not see it that way that evening; let us talk it through.',
              id,
            )
          : null,
      });
    }
    return entries;
  });
  await insertLogs(db, logs);
  // The kept reliability, as the server keeps it after each entry and answer.
  for (const member of members) await refreshReliability(db, journeyId, member.id);

  const ready = (member: SeededMember, stepId: string, at: number) =>
    insertProgramEvent(db, {
      id: deps.newId(),
      journeyId,
      memberId: member.id,
      at,
      event: { kind: 'ready', stepId },
    });
  // In time order: the store never dates an event before the journey's last one.
  await ready(members[1], 'responsibility', yearAgo - 30 * DAY_MS);
  await ready(members[0], 'responsibility', yearAgo - 29 * DAY_MS);
  await ready(members[0], 'plan', yearAgo - 10 * DAY_MS);
}

/** Versions of the long agreement the agreements scenario reads, and words in each. */
export const LONG_AGREEMENT_VERSIONS = 12;

/**
 * One agreement revised many times, each version near the longest text allowed, for the agreements
 * read: each revision changes a few words near its start, middle and end, as people edit.
 */
export function longAgreementTexts(seedNo: number): string[] {
  const words = ['we', 'share', 'plans', 'each', 'Sunday', 'evening', 'money', 'phones', 'open'];
  const base = Array.from({ length: 2_000 }, (_, i) => words[(i * 7 + seedNo) % words.length]);
  const texts: string[] = [];
  let current = base;
  for (let v = 0; v < LONG_AGREEMENT_VERSIONS; v++) {
    let text = '';
    let cut = 0;
    // Words up to the text limit, so every version is as long as a person may write.
    while (cut < current.length && text.length + (current[cut]?.length ?? 0) + 1 <= 1_990)
      text += `${current[cut++]} `;
    texts.push(text.trimEnd());
    current = current.map((w, i) =>
      i % 97 === v * 3 || i === 10 + v || i === 300 - v ? `${w}${v}` : w,
    );
  }
  return texts;
}

/**
 * Writes the long agreement's versions, each proposed in turn by either partner as a revision of
 * the one before (its diff kept as the server keeps it), the last one accepted.
 */
export async function seedLongAgreement(
  deps: SeedDeps,
  journeyId: string,
  members: readonly [SeededMember, SeededMember],
  now: number,
  seedNo: number,
): Promise<void> {
  const who = await bothOf(deps, members);
  const texts = longAgreementTexts(seedNo);
  const by = (i: number) => (members[i % 2] ?? members[0]).id;
  const at = (i: number) => now - (texts.length - i) * DAY_MS;
  const transitions = [
    propose({
      id: deps.newId(),
      text: texts[0] ?? '',
      category: 'transparency',
      by: by(0),
      at: at(0),
    }),
  ];
  for (const [i, text] of texts.entries()) {
    if (i === 0) continue;
    const before = transitions[i - 1]?.agreement;
    if (!before) throw new Error('no version before');
    transitions.push(proposeRevision(before, { by: by(i), expected: i, text, at: at(i) }));
  }
  const last = transitions.at(-1)?.agreement;
  if (!last) throw new Error('no versions');
  transitions.push(accept(last, by(texts.length), texts.length));
  await writeAll(deps, who, journeyId, transitions);
}
