import type { AgreementCategory } from '../src/core/agreements/agreement.js';
import type { LogStatus, Rhythm } from '../src/core/commitments/commitment.js';
import { EMPTY_SNAPSHOT } from '../src/core/commitments/reliability.js';
import type { SeededMember } from '../src/cli/seed.js';
import type { Db } from '../src/server/db/schema.js';
import type { Deps } from '../src/server/deps.js';
import { diffWords } from '../src/core/agreements/diff.js';
import {
  diffContext,
  encodeDiff,
  logNoteContext,
  versionContext,
} from '../src/server/features/agreements/readers.js';
import { refreshReliability } from '../src/server/features/commitments/commitments.store.js';
import { encodeSnapshot } from '../src/server/features/commitments/snapshot-codec.js';

const DAY_MS = 86_400_000;

/**
 * The journey dashboard's data for one journey, written in the shapes the stores write: four
 * accepted agreements (texts sealed under their proposers' keys), a daily and a weekly commitment
 * for each partner with a year of entries (mostly confirmed, some disputed or resolved with a
 * sealed note from the partner, the last days pending), and both partners ready on step 1, one on
 * step 2.
 */
export async function seedDashboard(
  deps: Pick<Deps, 'sealer' | 'newId'>,
  db: Db,
  journeyId: string,
  members: readonly [SeededMember, SeededMember],
  now: number,
  seedNo: number,
): Promise<void> {
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
  const agreements = texts.map((text, i) => {
    const proposer = members[i % 2] ?? members[0];
    const id = deps.newId();
    return {
      agreement_id: id,
      version: 1,
      journey_id: journeyId,
      category: categories[i] ?? 'other',
      proposed_by: proposer.id,
      at: yearAgo - DAY_MS + i,
      status: 'accepted' as const,
      sealed: deps.sealer.seal(proposer.dataKey, text, versionContext(id, 1)),
    };
  });
  await db.insertInto('agreement_versions').values(agreements).execute();

  const plan: { by: 0 | 1; agreement: number; rhythm: Rhythm }[] = [
    { by: 0, agreement: 0, rhythm: 'daily' },
    { by: 0, agreement: 2, rhythm: 'weekly' },
    { by: 1, agreement: 1, rhythm: 'daily' },
    { by: 1, agreement: 3, rhythm: 'weekly' },
  ];
  const commitments = plan.map((c) => ({
    id: deps.newId(),
    journey_id: journeyId,
    agreement_id: agreements[c.agreement]?.agreement_id ?? '',
    agreement_version: 1,
    committed_by: members[c.by].id,
    rhythm: c.rhythm,
    started_at: yearAgo,
    ended_at: null,
    reliability: encodeSnapshot(EMPTY_SNAPSHOT),
  }));
  await db.insertInto('commitments').values(commitments).execute();

  const logs = plan.flatMap((c, i) => {
    const committer = members[c.by];
    const partner = members[c.by === 0 ? 1 : 0];
    const step = c.rhythm === 'daily' ? DAY_MS : 7 * DAY_MS;
    const rows = [];
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
      rows.push({
        id,
        commitment_id: commitments[i]?.id ?? '',
        logged_by: committer.id,
        at: at + Math.floor(random() * 3_600_000),
        status,
        answered_by: status === 'pending' ? null : partner.id,
        answered_at: status === 'pending' ? null : at + 7_200_000,
        sealed: noted
          ? deps.sealer.seal(
              partner.dataKey,
              'I did not see it that way that evening; let us talk it through.',
              logNoteContext(id),
            )
          : null,
      });
    }
    return rows;
  });
  for (let i = 0; i < logs.length; i += 500)
    await db
      .insertInto('commitment_logs')
      .values(logs.slice(i, i + 500))
      .execute();
  // The kept reliability, as the server keeps it after each entry and answer.
  for (const member of members) await refreshReliability(db, journeyId, member.id);

  const ready = (member: SeededMember, stepId: string, at: number) => ({
    id: deps.newId(),
    journey_id: journeyId,
    member_id: member.id,
    kind: 'ready' as const,
    step_id: stepId,
    exercise_id: null,
    at,
  });
  await db
    .insertInto('program_events')
    .values([
      ready(members[1], 'responsibility', yearAgo - 30 * DAY_MS),
      ready(members[0], 'responsibility', yearAgo - 29 * DAY_MS),
      ready(members[0], 'plan', yearAgo - 10 * DAY_MS),
    ])
    .execute();
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

/** Writes the long agreement's versions, each proposed in turn by either partner, with their diffs. */
export async function seedLongAgreement(
  deps: Pick<Deps, 'sealer' | 'newId'>,
  db: Db,
  journeyId: string,
  members: readonly [SeededMember, SeededMember],
  now: number,
  seedNo: number,
): Promise<void> {
  const id = deps.newId();
  const texts = longAgreementTexts(seedNo);
  await db
    .insertInto('agreement_versions')
    .values(
      texts.map((text, i) => {
        const proposer = members[i % 2] ?? members[0];
        const version = i + 1;
        return {
          agreement_id: id,
          version,
          journey_id: journeyId,
          category: 'transparency' as const,
          proposed_by: proposer.id,
          at: now - (texts.length - i) * DAY_MS,
          status: i === texts.length - 1 ? ('accepted' as const) : ('superseded' as const),
          sealed: deps.sealer.seal(proposer.dataKey, text, versionContext(id, version)),
          // Each revision's diff, kept as the server keeps it when the version is saved.
          diff_sealed:
            i === 0
              ? null
              : deps.sealer.seal(
                  proposer.dataKey,
                  encodeDiff(diffWords(texts[i - 1] ?? '', text)),
                  diffContext(id, version),
                ),
        };
      }),
    )
    .execute();
}
