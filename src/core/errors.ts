/**
 * Every rule the domain can refuse, with a stable code. The server maps codes to HTTP problem details
 * in one place (src/server/problems.ts); the CLI prints the same messages.
 */
export const errorCodes = [
  'auth.unauthenticated',
  'auth.forbidden',
  'auth.invalid_credentials',
  'auth.rate_limited',
  'auth.password_weak',
  'auth.password_length',
  'session.changed',
  'auth.email_taken',
  'csrf.missing',
  'setup.done',
  'journey.none',
  'journey.exists',
  'journey.not_together',
  'journey.full',
  'journey.has_partner',
  'invite.invalid',
  'invite.used',
  'invite.expired',
  'invite.revoked',
  'invite.own',
  'invite.not_found',
  'checkin.not_found',
  'cursor.invalid',
  'letter.not_found',
  'letter.role',
  'letter.path',
  'letter.locked',
  'letter.draft_exists',
  'letter.unsent_private',
  'letter.no_partner',
  'letter.reflect_on_partner',
  'letter.newer_version',
  'letter.awaiting_answer',
  'letter.understood',
  'letter.not_yours_to_answer',
  'letter.answered',
  'letter.superseded',
  'letter.answer_kind',
  'letter.parts',
  'letter.statement_exists',
  'timeout.not_found',
  'timeout.running',
  'timeout.no_partner',
  'measure.answers_invalid',
  'safety.check_needed',
  'profile.not_found',
  'group.not_found',
  'group.facilitator_unknown',
  'crisis.country_unknown',
  'program.step_not_found',
  'program.exercise_not_found',
  'program.exercise_done_in_app',
  'agreement.not_found',
  'agreement.text_invalid',
  'agreement.own_proposal',
  'agreement.changed',
  'commitment.not_found',
  'commitment.not_accepted',
  'commitment.exists',
  'commitment.ended',
  'commitment.not_yours_to_log',
  'commitment.not_yours_to_confirm',
  'commitment.log_changed',
  // Linking a client with a therapist (consent).
  'link.therapist_not_found',
  'link.code_invalid',
  'link.exists',
  'link.ended',
  'link.not_requested',
  'intake.closed',
  'intake.rate_limited',
  'intake.therapist_unknown',
  'intake.not_found',
  // The therapist's side (caseload): a client who is not theirs to read, or does not exist.
  'client.not_found',
  'suggestion.ref_unknown',
  'not_found',
  // therapists
  'therapist_invite.not_found',
  'therapist.not_found',
  // Two-factor sign-in (TOTP).
  'auth.two_factor_needed',
  'auth.two_factor_invalid',
  'auth.two_factor_setup_needed',
  'two_factor.not_started',
  'two_factor.already_on',
  'two_factor.off',
  'two_factor.code_invalid',
  'two_factor.password_invalid',
  'two_factor.required',
  // Shared activities (step 5).
  'activity.not_found',
  'activity.no_partner',
  'activity.set_aside',
  'activity.not_planned',
  // Step 6: closeness at each person's own pace.
  'closeness.no_partner',
  // Step 5, reconnecting: connection prompts and appreciation notes.
  'reconnection.no_partner',
  'prompt.not_found',
  'prompt.set_aside',
  'prompt.revealed',
  'appreciation.not_found',
  // Questions and answers at the asker's pace (step 4).
  'question.not_found',
  'question.no_partner',
  'question.not_asker',
  'question.closed',
  'question.paused',
  'question.own',
  'question.not_yours_to_mark',
  // Check-in meetings.
  'meeting.no_partner',
  'meeting.no_schedule',
  'meeting.not_found',
  'meeting.item_not_found',
  'meeting.ended',
  'meeting.not_started',
  // Working through forgiveness (step 7).
  'forgiveness.not_found',
  'forgiveness.no_partner',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** Throws a rule's refusal, if it has one, as a domain error. */
export function refuseIf(refusal: ErrorCode | undefined): void {
  if (refusal) throw new DomainError(refusal);
}
