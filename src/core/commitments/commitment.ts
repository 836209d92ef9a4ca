import { versionInForce, type Agreement } from '../agreements/agreement.js';
import { DomainError, refuseIf, type ErrorCode } from '../errors.js';

/**
 * Step 3, committing to change: a partner commits to an accepted agreement with a rhythm, logs
 * their follow-through, and the other partner confirms each entry or questions it (a dispute, with
 * an optional note). A dispute can later be resolved by the partner who raised it, once talked
 * through. There are no due dates: a day without an entry is simply a day without an entry.
 *
 * Server contract: every answer names the entry's status it expects (`pending` to confirm or
 * dispute, `disputed` to resolve); the store writes it with `UPDATE commitment_logs SET status =
 * :to … WHERE id = :id AND status = :from` and answers `commitment.log_changed` (409) when no row
 * changed, so two answers to one entry cannot both win. One running commitment per person per
 * agreement is kept by a unique key on (agreement_id, committed_by) among running commitments.
 */
export const rhythms = ['daily', 'weekly', 'as_it_happens'] as const;
export type Rhythm = (typeof rhythms)[number];

/**
 * pending: waiting for the partner to look. confirmed: the partner agrees it happened.
 * disputed: the partner does not (yet) see it that way. resolved: a dispute the partner has since
 * confirmed after talking it through.
 */
export const logStatuses = ['pending', 'confirmed', 'disputed', 'resolved'] as const;
export type LogStatus = (typeof logStatuses)[number];

export const LOG_NOTE_MAX = 2_000;

export interface CommitmentFacts {
  readonly id: string;
  readonly agreementId: string;
  /** The accepted agreement version this commitment was made to. */
  readonly agreementVersion: number;
  readonly committedBy: string;
  readonly rhythm: Rhythm;
  readonly startedAt: number;
  readonly endedAt: number | null;
}

export interface LogFacts {
  readonly id: string;
  readonly commitmentId: string;
  readonly loggedBy: string;
  /** When the follow-through happened, as logged (ms since the epoch). */
  readonly at: number;
  readonly status: LogStatus;
}

/** One status change, with the status the store must still find. */
export interface LogChange {
  readonly from: LogStatus;
  readonly to: LogStatus;
}

export type LogAnswer = 'confirm' | 'dispute' | 'resolve';

const answerMoves: Record<LogAnswer, LogChange> = {
  confirm: { from: 'pending', to: 'confirmed' },
  dispute: { from: 'pending', to: 'disputed' },
  resolve: { from: 'disputed', to: 'resolved' },
};

/**
 * Committing to an agreement: it must have a version in force, and a person holds one running
 * commitment per agreement. Either partner may commit (both may, to the same agreement).
 */
export function refusalToCommit(
  agreement: Agreement,
  by: string,
  existing: readonly CommitmentFacts[],
): ErrorCode | undefined {
  if (!versionInForce(agreement)) return 'commitment.not_accepted';
  const running = existing.some(
    (c) => c.agreementId === agreement.id && c.committedBy === by && c.endedAt === null,
  );
  return running ? 'commitment.exists' : undefined;
}

/** A new commitment to the version of the agreement in force. */
export function commit(
  agreement: Agreement,
  input: {
    readonly id: string;
    readonly by: string;
    readonly rhythm: Rhythm;
    readonly at: number;
    readonly existing: readonly CommitmentFacts[];
  },
): CommitmentFacts {
  refuseIf(refusalToCommit(agreement, input.by, input.existing));
  const inForce = versionInForce(agreement);
  if (!inForce) throw new DomainError('commitment.not_accepted');
  return {
    id: input.id,
    agreementId: agreement.id,
    agreementVersion: inForce.version,
    committedBy: input.by,
    rhythm: input.rhythm,
    startedAt: input.at,
    endedAt: null,
  };
}

/** Ending a commitment: the one who made it, once. Its entries stay. */
export function refusalToEnd(commitment: CommitmentFacts, by: string): ErrorCode | undefined {
  if (commitment.committedBy !== by) return 'commitment.not_yours_to_log';
  return commitment.endedAt === null ? undefined : 'commitment.ended';
}

/** Logging follow-through: only the one who committed, while the commitment runs. */
export function refusalToLog(commitment: CommitmentFacts, by: string): ErrorCode | undefined {
  if (commitment.committedBy !== by) return 'commitment.not_yours_to_log';
  return commitment.endedAt === null ? undefined : 'commitment.ended';
}

/** A new entry, waiting for the partner. */
export function logFollowThrough(
  commitment: CommitmentFacts,
  input: { readonly id: string; readonly by: string; readonly at: number },
): LogFacts {
  refuseIf(refusalToLog(commitment, input.by));
  return {
    id: input.id,
    commitmentId: commitment.id,
    loggedBy: input.by,
    at: input.at,
    status: 'pending',
  };
}

/**
 * Answering an entry: only the partner (never the one who committed and logged it). Confirming or
 * disputing needs a pending entry, resolving needs a disputed one; anything else means the entry
 * was answered in the meantime. Answers still come in after a commitment has ended.
 */
export function refusalToAnswerLog(
  commitment: CommitmentFacts,
  log: LogFacts,
  by: string,
  answer: LogAnswer,
): ErrorCode | undefined {
  if (log.commitmentId !== commitment.id) return 'commitment.not_found';
  if (by === commitment.committedBy || by === log.loggedBy)
    return 'commitment.not_yours_to_confirm';
  return log.status === answerMoves[answer].from ? undefined : 'commitment.log_changed';
}

/** The entry after the partner's answer, and the change the store must make conditionally. */
export function answerLog(
  commitment: CommitmentFacts,
  log: LogFacts,
  by: string,
  answer: LogAnswer,
): { readonly log: LogFacts; readonly change: LogChange } {
  refuseIf(refusalToAnswerLog(commitment, log, by, answer));
  const change = answerMoves[answer];
  return { log: { ...log, status: change.to }, change };
}
