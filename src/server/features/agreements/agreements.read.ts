import type { Agreement } from '../../../core/agreements/agreement.js';
import { diffWords, type DiffSegment } from '../../../core/agreements/diff.js';
import { DomainError } from '../../../core/errors.js';
import type { Caller, JourneyCaller } from '../../auth/caller.js';
import type { Deps } from '../../deps.js';
import { agreementVersions, keepDiffs, type StoredVersion } from './agreements.store.js';

/**
 * Reading agreements with their texts opened under their proposers' keys: the agreements service
 * shows them, the commitments service shows the words each commitment was made to.
 */

export interface OpenedAgreement {
  readonly agreement: Agreement;
  readonly names: ReadonlyMap<string, string>;
  /** Each later version's diff from the one before, by version: opened as kept, never recomputed. */
  readonly diffs: () => ReadonlyMap<number, readonly DiffSegment[]>;
}

/** Diffs travel as JSON of their segments. */
export const encodeDiff = (diff: readonly DiffSegment[]): string => JSON.stringify(diff);
const decodeDiff = (json: string): DiffSegment[] => JSON.parse(json) as DiffSegment[];

/**
 * Agreements from their stored versions, texts opened, by agreement in first-proposed order. A
 * version saved before diffs were kept gets its diff computed here once and kept (sealed like its
 * text).
 */
export async function openAgreements(
  deps: Pick<Deps, 'database'>,
  c: Pick<Caller, 'keys'>,
  stored: readonly StoredVersion[],
): Promise<OpenedAgreement[]> {
  const who = await c.keys.people(stored.map((v) => v.proposedBy));
  const byId = new Map<string, StoredVersion[]>();
  for (const v of stored) byId.set(v.agreementId, [...(byId.get(v.agreementId) ?? []), v]);
  const missing: { agreementId: string; version: number; diffSealed: string }[] = [];
  const opened = [...byId.entries()].map(([id, versions]): OpenedAgreement => {
    const texts = new Map(
      versions.map((v) => [
        v.version,
        who.open('agreementText', v.proposedBy, v.sealed, id, v.version),
      ]),
    );
    for (const v of versions) {
      const before = texts.get(v.version - 1);
      if (v.diffSealed !== null || before === undefined) continue;
      const diff = diffWords(before, texts.get(v.version) ?? '');
      const diffSealed = who.seal('agreementDiff', v.proposedBy, encodeDiff(diff), id, v.version);
      missing.push({ agreementId: id, version: v.version, diffSealed });
    }
    const computed = new Map(
      missing.filter((m) => m.agreementId === id).map((m) => [m.version, m.diffSealed]),
    );
    return {
      agreement: {
        id,
        versions: versions.map((v) => ({
          agreementId: id,
          version: v.version,
          text: texts.get(v.version) ?? '',
          category: v.category,
          proposedBy: v.proposedBy,
          at: v.at,
          status: v.status,
        })),
      },
      names: new Map(versions.map((v) => [v.proposedBy, who.name(v.proposedBy)])),
      // Opened only by the reads that show changes (the commitments reads do not).
      diffs: () =>
        new Map(
          versions.flatMap((v) => {
            const sealed = v.diffSealed ?? computed.get(v.version);
            if (sealed === undefined) return [];
            const json = who.open('agreementDiff', v.proposedBy, sealed, id, v.version);
            return [[v.version, decodeDiff(json)] as const];
          }),
        ),
    };
  });
  await keepDiffs(deps.database.db, missing);
  return opened;
}

/** One agreement of the caller's journey, opened; any other does not exist for them. */
export async function openAgreement(
  deps: Pick<Deps, 'database'>,
  c: Pick<JourneyCaller, 'keys' | 'journeyId'>,
  id: string,
): Promise<OpenedAgreement> {
  const stored = await agreementVersions(deps.database.db, c.journeyId, id);
  const [opened] = await openAgreements(deps, c, stored);
  if (!opened) throw new DomainError('agreement.not_found');
  return opened;
}
