import { DomainError, refuseIf, type ErrorCode } from '../errors.js';
import { graphemeCount } from '../text/text.js';

/**
 * Step 2, creating a plan together: agreements the partners make, each a chain of versions. Either
 * partner proposes; the other accepts, declines, or answers with a revision of their own, which the
 * first then answers in turn. Every version is kept, so the history reads as a conversation. An
 * accepted agreement can be revisited later by either partner: the accepted version stays in force
 * until a newer one is accepted.
 *
 * Everything here is a pure rule over facts the caller has already read; the caller passes the
 * time and the ids in.
 *
 * Server contract (what makes two racing answers unable to both win): every answer names the
 * version it answers, and the transition reports each status change with the status it expects
 * to find (`AgreementChange.from`). The store writes one transition in one transaction:
 *   - for each change, `UPDATE agreement_versions SET status = :to WHERE agreement_id = :id AND
 *     version = :version AND status = :from`, and rolls back unless exactly one row changed;
 *   - the added version (if any) is inserted under a unique key on (agreement_id, version).
 * A lost race then shows as zero rows updated or a unique-key violation, and the store answers with
 * `agreement.changed` (409), the same code these rules give when the caller's copy was already stale.
 */
export const agreementCategories = [
  'transparency',
  'boundaries',
  'contact_rules',
  'routines',
  'other',
] as const;
export type AgreementCategory = (typeof agreementCategories)[number];

/**
 * proposed: waiting for the other partner's answer. accepted: agreed (in force until a newer
 * version is accepted). declined: not agreed. superseded: answered with a revision while proposed,
 * or replaced by a newer accepted version.
 */
export const versionStatuses = ['proposed', 'accepted', 'declined', 'superseded'] as const;
export type VersionStatus = (typeof versionStatuses)[number];

export const AGREEMENT_TEXT_MAX = 2_000;

export interface AgreementVersion {
  readonly agreementId: string;
  /** 1, 2, 3… within the agreement, with no gaps. */
  readonly version: number;
  readonly text: string;
  readonly category: AgreementCategory;
  readonly proposedBy: string;
  /** When this version was proposed (ms since the epoch). */
  readonly at: number;
  readonly status: VersionStatus;
}

/** An agreement is its versions, oldest first. */
export interface Agreement {
  readonly id: string;
  readonly versions: readonly AgreementVersion[];
}

/** One status change a transition makes, with the status the store must still find. */
export interface AgreementChange {
  readonly version: number;
  readonly from: VersionStatus;
  readonly to: VersionStatus;
}

export interface AgreementTransition {
  readonly agreement: Agreement;
  readonly changes: readonly AgreementChange[];
  /** The version this transition added, if it added one. */
  readonly added: AgreementVersion | null;
}

/** The newest version. An agreement always has at least one. */
export function latestVersion(agreement: Agreement): AgreementVersion {
  const latest = agreement.versions.toSorted((a, b) => a.version - b.version).at(-1);
  if (!latest) throw new DomainError('agreement.not_found');
  return latest;
}

/** The version both partners have agreed to and that still holds, if any. */
export const versionInForce = (agreement: Agreement): AgreementVersion | undefined =>
  agreement.versions.find((v) => v.status === 'accepted');

/** Whose answer the agreement is waiting for, or null when it is not waiting for anyone. */
export function waitingOn(agreement: Agreement, members: readonly string[]): string | null {
  const latest = latestVersion(agreement);
  if (latest.status !== 'proposed') return null;
  return members.find((m) => m !== latest.proposedBy) ?? null;
}

/** Why a text cannot be an agreement's words, or undefined when it can. */
export function refusalOfText(text: string): ErrorCode | undefined {
  const trimmed = text.trim();
  return trimmed.length === 0 || graphemeCount(trimmed) > AGREEMENT_TEXT_MAX
    ? 'agreement.text_invalid'
    : undefined;
}

/**
 * accept, decline, revise: answers to a proposal. revisit: a new version of an agreement that was
 * accepted or declined. Kept apart so that a revision sent from a stale page never lands as a
 * revisit of the version that was accepted meanwhile.
 */
export type Answer = 'accept' | 'decline' | 'revise' | 'revisit';

/**
 * Why `by` may not answer version `expected` in this way, or undefined when they may.
 *   - A version that is not the newest, or whose status is not what the answer needs, was
 *     overtaken while the person was reading: `agreement.changed`.
 *   - A proposal is answered by the other partner only: `agreement.own_proposal`.
 *   - Either partner may revisit an accepted or declined agreement.
 */
export function refusalToAnswer(
  agreement: Agreement,
  by: string,
  expected: number,
  answer: Answer,
): ErrorCode | undefined {
  if (!agreement.versions.some((v) => v.version === expected)) return 'agreement.not_found';
  const latest = latestVersion(agreement);
  if (latest.version !== expected) return 'agreement.changed';
  // A superseded version is never the newest, so the newest is proposed, accepted or declined.
  if (latest.status !== 'proposed') return answer === 'revisit' ? undefined : 'agreement.changed';
  if (answer === 'revisit') return 'agreement.changed';
  return latest.proposedBy === by ? 'agreement.own_proposal' : undefined;
}

function withStatuses(
  agreement: Agreement,
  changes: readonly AgreementChange[],
  added: AgreementVersion | null,
): AgreementTransition {
  const versions = agreement.versions.map((v) => {
    const change = changes.find((c) => c.version === v.version);
    return change ? { ...v, status: change.to } : v;
  });
  return {
    agreement: { ...agreement, versions: added ? [...versions, added] : versions },
    changes,
    added,
  };
}

/** A new agreement: its first version, proposed. */
export function propose(input: {
  readonly id: string;
  readonly text: string;
  readonly category: AgreementCategory;
  readonly by: string;
  readonly at: number;
}): AgreementTransition {
  refuseIf(refusalOfText(input.text));
  const first: AgreementVersion = {
    agreementId: input.id,
    version: 1,
    text: input.text.trim(),
    category: input.category,
    proposedBy: input.by,
    at: input.at,
    status: 'proposed',
  };
  return { agreement: { id: input.id, versions: [first] }, changes: [], added: first };
}

/**
 * The other partner agrees to version `expected`. It comes into force, and the version that was
 * in force before (if the agreement was being revisited) is superseded.
 */
export function accept(agreement: Agreement, by: string, expected: number): AgreementTransition {
  refuseIf(refusalToAnswer(agreement, by, expected, 'accept'));
  const previous = versionInForce(agreement);
  const changes: AgreementChange[] = [{ version: expected, from: 'proposed', to: 'accepted' }];
  if (previous) changes.push({ version: previous.version, from: 'accepted', to: 'superseded' });
  return withStatuses(agreement, changes, null);
}

/** The other partner does not agree to version `expected`. A version already in force still holds. */
export function decline(agreement: Agreement, by: string, expected: number): AgreementTransition {
  refuseIf(refusalToAnswer(agreement, by, expected, 'decline'));
  return withStatuses(agreement, [{ version: expected, from: 'proposed', to: 'declined' }], null);
}

export interface NewVersion {
  readonly by: string;
  readonly expected: number;
  readonly text: string;
  /** Unchanged when left out. */
  readonly category?: AgreementCategory;
  readonly at: number;
}

/**
 * The other partner answers proposed version `expected` with a version of their own; `expected`
 * is superseded, and the new version waits for the first partner's answer.
 */
export const proposeRevision = (agreement: Agreement, input: NewVersion): AgreementTransition =>
  addVersion(agreement, input, 'revise');

/**
 * Either partner proposes a new version of an accepted or declined agreement (version
 * `expected`). That version keeps its status: an accepted one stays in force until the new one is
 * accepted.
 */
export const revisit = (agreement: Agreement, input: NewVersion): AgreementTransition =>
  addVersion(agreement, input, 'revisit');

function addVersion(
  agreement: Agreement,
  input: NewVersion,
  answer: 'revise' | 'revisit',
): AgreementTransition {
  refuseIf(refusalToAnswer(agreement, input.by, input.expected, answer));
  refuseIf(refusalOfText(input.text));
  const latest = latestVersion(agreement);
  const added: AgreementVersion = {
    agreementId: agreement.id,
    version: latest.version + 1,
    text: input.text.trim(),
    category: input.category ?? latest.category,
    proposedBy: input.by,
    at: input.at,
    status: 'proposed',
  };
  const changes: AgreementChange[] =
    latest.status === 'proposed'
      ? [{ version: latest.version, from: 'proposed', to: 'superseded' }]
      : [];
  return withStatuses(agreement, changes, added);
}

/** What a person reading an agreement may do next; the same rules as the transitions enforce. */
export function nextSteps(
  agreement: Agreement,
  viewerId: string,
): {
  readonly answers: number;
  readonly canAccept: boolean;
  readonly canDecline: boolean;
  readonly canRevise: boolean;
  readonly canRevisit: boolean;
} {
  const { version } = latestVersion(agreement);
  const may = (answer: Answer) =>
    refusalToAnswer(agreement, viewerId, version, answer) === undefined;
  return {
    answers: version,
    canAccept: may('accept'),
    canDecline: may('decline'),
    canRevise: may('revise'),
    canRevisit: may('revisit'),
  };
}
