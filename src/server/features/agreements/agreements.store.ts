import type {
  AgreementCategory,
  AgreementTransition,
  VersionStatus,
} from '../../../core/agreements/agreement.js';
import { DomainError } from '../../../core/errors.js';
import type { Sealer } from '../../crypto/sealing.js';
import { compileOnce, perDatabase } from '../../db/compile-once.js';
import { atomically, isUniqueViolation, type Db } from '../../db/schema.js';
import { openKinds } from '../journeys/journey-facts.js';

/**
 * Step 2's storage: every version of every agreement, their answers as transitions, and the kinds
 * of betrayal that order the suggestions. Commitments live in commitments.store.ts.
 */

/** A version as the rules know it, with its sealed text and diff. */
export interface StoredVersion {
  readonly agreementId: string;
  readonly version: number;
  readonly journeyId: string;
  readonly category: AgreementCategory;
  readonly proposedBy: string;
  readonly at: number;
  readonly status: VersionStatus;
  readonly sealed: string;
  /** The sealed diff from the version before; null for version 1 and for versions saved before diffs were kept. */
  readonly diffSealed: string | null;
}

const versionQuery = (db: Db) =>
  db
    .selectFrom('agreement_versions')
    .select([
      'agreement_id',
      'version',
      'journey_id',
      'category',
      'proposed_by',
      'at',
      'status',
      'sealed',
      'diff_sealed',
    ]);
type Row = Awaited<ReturnType<ReturnType<typeof versionQuery>['executeTakeFirstOrThrow']>>;

const toStoredVersion = (r: Row): StoredVersion => ({
  agreementId: r.agreement_id,
  version: Number(r.version),
  journeyId: r.journey_id,
  category: r.category,
  proposedBy: r.proposed_by,
  at: Number(r.at),
  status: r.status,
  sealed: r.sealed,
  diffSealed: r.diff_sealed,
});

/** Every version of every agreement in a journey, by agreement, oldest first. */
export async function listVersions(db: Db, journeyId: string): Promise<StoredVersion[]> {
  const { rows } = await db.executeQuery(compiledReads(db).versions(journeyId));
  return rows.map(toStoredVersion);
}

/** The versions of one agreement in a journey (none when it belongs to another journey). */
export async function agreementVersions(
  db: Db,
  journeyId: string,
  agreementId: string,
): Promise<StoredVersion[]> {
  const rows = await versionQuery(db)
    .where('journey_id', '=', journeyId)
    .where('agreement_id', '=', agreementId)
    .orderBy('version')
    .execute();
  return rows.map(toStoredVersion);
}

/**
 * Writes one transition as the rules computed it, in one transaction: each status change only
 * where the status is still the one the rules saw (exactly one row, or everything rolls back), and
 * the added version under the unique (agreement_id, version) key. A lost race answers
 * `agreement.changed`.
 */
export async function writeTransition(
  db: Db,
  input: {
    readonly journeyId: string;
    readonly transition: AgreementTransition;
    /** The added version's text, sealed; required when the transition adds a version. */
    readonly sealed?: string;
    /** The added version's diff from the one before, sealed; none for a first version. */
    readonly diffSealed?: string;
  },
): Promise<void> {
  const { transition } = input;
  const agreementId = transition.agreement.id;
  try {
    await atomically(db, async (trx) => {
      for (const change of transition.changes) {
        const result = await trx
          .updateTable('agreement_versions')
          .set({ status: change.to })
          .where('agreement_id', '=', agreementId)
          .where('journey_id', '=', input.journeyId)
          .where('version', '=', change.version)
          .where('status', '=', change.from)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw new DomainError('agreement.changed');
      }
      const added = transition.added;
      if (added) {
        if (input.sealed === undefined) throw new Error('the added version needs its sealed text');
        await trx
          .insertInto('agreement_versions')
          .values({
            agreement_id: agreementId,
            version: added.version,
            journey_id: input.journeyId,
            category: added.category,
            proposed_by: added.proposedBy,
            at: added.at,
            status: added.status,
            sealed: input.sealed,
            diff_sealed: input.diffSealed ?? null,
          })
          .execute();
      }
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('agreement.changed');
    throw e;
  }
}

/**
 * Keeps the diff of a version saved before diffs were stored, computed on its first read; only
 * where none is kept yet, so two first reads at once leave one.
 */
export async function keepDiffs(
  db: Db,
  diffs: readonly { agreementId: string; version: number; diffSealed: string }[],
): Promise<void> {
  if (diffs.length === 0) return;
  await atomically(db, async (trx) => {
    for (const d of diffs)
      await trx
        .updateTable('agreement_versions')
        .set({ diff_sealed: d.diffSealed })
        .where('agreement_id', '=', d.agreementId)
        .where('version', '=', d.version)
        .where('diff_sealed', 'is', null)
        .execute();
  });
}

/** The kinds of betrayal a journey named, for ordering suggestions. */
export async function journeyKinds(db: Db, sealer: Sealer, journeyId: string): Promise<string[]> {
  const row = await db
    .selectFrom('journeys')
    .select('kinds')
    .where('id', '=', journeyId)
    .executeTakeFirst();
  return row ? openKinds(sealer, journeyId, row.kinds) : [];
}

// The agreements and commitments reads run this on every request: built and compiled once.
export const compiledReads = perDatabase((db: Db) => ({
  versions: compileOnce(
    (journeyId: string) =>
      versionQuery(db)
        .where('journey_id', '=', journeyId)
        .orderBy('agreement_id')
        .orderBy('version'),
    1,
  ),
}));
