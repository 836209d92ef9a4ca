import type { FastifyRequest } from 'fastify';
import type { Agreement } from '../../../core/agreements/agreement.js';
import { diffWords, type DiffSegment } from '../../../core/agreements/diff.js';
import { DomainError } from '../../../core/errors.js';
import type { SealContext } from '../../crypto/sealing.js';
import type { Deps } from '../../deps.js';
import { memberId, membershipOf } from '../../http/access.js';
import { peopleReader } from '../people.js';
import { agreementVersions, keepDiffs, type VersionRow } from './agreements.store.js';

/**
 * What the agreements and commitments routes share: who is calling, opening values under their
 * authors' keys, and reading agreements with their texts opened.
 */

/** The AAD of one version's text: bound to its table, agreement, version and field. */
export const versionContext = (agreementId: string, version: number): SealContext => ({
  table: 'agreement_versions',
  id: `${agreementId}:${version}`,
  field: 'text',
});
/** The AAD of one version's diff from the version before: sealed like its text. */
export const diffContext = (agreementId: string, version: number): SealContext => ({
  table: 'agreement_versions',
  id: `${agreementId}:${version}`,
  field: 'diff',
});
export const logNoteContext = (id: string): SealContext => ({
  table: 'commitment_logs',
  id,
  field: 'note',
});

export interface Caller {
  readonly userId: string;
  readonly journeyId: string;
}

export interface OpenedAgreement {
  readonly agreement: Agreement;
  readonly names: ReadonlyMap<string, string>;
  /** Each later version's diff from the one before, by version: opened as kept, never recomputed. */
  readonly diffs: () => ReadonlyMap<number, readonly DiffSegment[]>;
}

/** Diffs travel as JSON of their segments. */
export const encodeDiff = (diff: readonly DiffSegment[]): string => JSON.stringify(diff);
const decodeDiff = (json: string): DiffSegment[] => JSON.parse(json) as DiffSegment[];

/** The caller and their journey, as read with their session for this request. */
export function callerOf(request: FastifyRequest): Caller {
  const userId = memberId(request);
  const membership = membershipOf(request);
  if (!membership) throw new DomainError('journey.none');
  return { userId, journeyId: membership.journeyId };
}

export function agreementReaders(deps: Pick<Deps, 'database' | 'sealer'>) {
  const db = deps.database.db;
  /** Opens sealed values under their authors' keys, unwrapping each key once. */
  const people = peopleReader(deps);

  /**
   * Agreements from their rows, texts opened, by agreement in first-proposed order. A version saved
   * before diffs were kept gets its diff computed here once and kept (sealed like its text).
   */
  async function openAgreements(rows: readonly VersionRow[]): Promise<OpenedAgreement[]> {
    const who = await people(rows.map((row) => row.proposedBy));
    const byId = new Map<string, VersionRow[]>();
    for (const row of rows) byId.set(row.agreementId, [...(byId.get(row.agreementId) ?? []), row]);
    const missing: { agreementId: string; version: number; diffSealed: string }[] = [];
    const opened = [...byId.entries()].map(([id, versions]): OpenedAgreement => {
      const texts = new Map(
        versions.map((v) => [
          v.version,
          deps.sealer.open(who.key(v.proposedBy), v.sealed, versionContext(id, v.version)),
        ]),
      );
      for (const v of versions) {
        const before = texts.get(v.version - 1);
        if (v.diffSealed !== null || before === undefined) continue;
        const diff = diffWords(before, texts.get(v.version) ?? '');
        const diffSealed = deps.sealer.seal(
          who.key(v.proposedBy),
          encodeDiff(diff),
          diffContext(id, v.version),
        );
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
              const json = deps.sealer.open(
                who.key(v.proposedBy),
                sealed,
                diffContext(id, v.version),
              );
              return [[v.version, decodeDiff(json)] as const];
            }),
          ),
      };
    });
    await keepDiffs(db, missing);
    return opened;
  }

  async function openAgreement(c: Caller, id: string): Promise<OpenedAgreement> {
    const rows = await agreementVersions(db, c.journeyId, id);
    const [opened] = await openAgreements(rows);
    if (!opened) throw new DomainError('agreement.not_found');
    return opened;
  }

  return { people, openAgreements, openAgreement };
}
