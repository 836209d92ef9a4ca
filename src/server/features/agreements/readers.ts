import type { FastifyRequest } from 'fastify';
import type { Agreement } from '../../../core/agreements/agreement.js';
import { DomainError } from '../../../core/errors.js';
import type { SealContext } from '../../crypto/sealing.js';
import type { Deps } from '../../deps.js';
import { memberId, membershipOf } from '../../http/access.js';
import { peopleReader } from '../people.js';
import { agreementVersions, type VersionRow } from './agreements.store.js';

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
}

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

  /** Agreements from their rows, texts opened, by agreement in first-proposed order. */
  async function openAgreements(rows: readonly VersionRow[]): Promise<OpenedAgreement[]> {
    const who = await people(rows.map((row) => row.proposedBy));
    const byId = new Map<string, VersionRow[]>();
    for (const row of rows) byId.set(row.agreementId, [...(byId.get(row.agreementId) ?? []), row]);
    return [...byId.entries()].map(([id, versions]) => ({
      agreement: {
        id,
        versions: versions.map((v) => ({
          agreementId: id,
          version: v.version,
          text: deps.sealer.open(who.key(v.proposedBy), v.sealed, versionContext(id, v.version)),
          category: v.category,
          proposedBy: v.proposedBy,
          at: v.at,
          status: v.status,
        })),
      },
      names: new Map(versions.map((v) => [v.proposedBy, who.name(v.proposedBy)])),
    }));
  }

  async function openAgreement(c: Caller, id: string): Promise<OpenedAgreement> {
    const rows = await agreementVersions(db, c.journeyId, id);
    const [opened] = await openAgreements(rows);
    if (!opened) throw new DomainError('agreement.not_found');
    return opened;
  }

  return { people, openAgreements, openAgreement };
}
