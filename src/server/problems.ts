import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode } from '../core/errors.js';
import type { Problem } from '../shared/api/problem.js';

interface CatalogueEntry {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
}

/** The one catalogue of errors: a stable code, its HTTP status and what we tell a person. */
export const catalogue: Record<ErrorCode, CatalogueEntry> = {
  'auth.unauthenticated': {
    status: 401,
    title: 'Please sign in',
    detail:
      'Please sign in to continue. If you were signed in, your session may have ended to keep your space private.',
  },
  'auth.forbidden': {
    status: 403,
    title: 'Not available to this account',
    detail: 'This part of Steadfast is not available to your account.',
  },
  'auth.invalid_credentials': {
    status: 401,
    title: 'Email or password did not match',
    detail: "That email and password don't match an account. Please check them and try again.",
  },
  'auth.rate_limited': {
    status: 429,
    title: 'Too many tries',
    detail:
      'There have been too many tries in a short time. Please wait a few minutes and try again.',
  },
  'auth.password_weak': {
    status: 422,
    title: 'Please choose another password',
    detail:
      'That password is one of the most common ones, so it is easy to guess. Please choose another.',
  },
  'auth.password_length': {
    status: 422,
    title: 'Please choose another password',
    detail: 'Please use a password of 8 to 128 characters.',
  },
  'session.changed': {
    status: 409,
    title: 'Signed in as someone else',
    detail:
      'This browser is now signed in to a different account, so nothing was saved here. Your words are still on this page: reload to see who is signed in.',
  },
  'auth.email_taken': {
    status: 409,
    title: 'Could not create the account',
    detail:
      'We could not create an account with that email. If you already have one, please sign in instead.',
  },
  'csrf.missing': {
    status: 403,
    title: 'Request refused',
    detail:
      'This request did not come from the Steadfast app, so it was refused. Please reload the page and try again.',
  },
  'setup.done': {
    status: 404,
    title: 'Not found',
    detail: 'Setup is already complete.',
  },
  'safety.check_needed': {
    status: 409,
    title: 'A private question first',
    detail:
      'Before anything you do together, we ask a few private questions about your safety. Only you see the answers.',
  },
  'profile.not_found': {
    status: 404,
    title: 'No such profile',
    detail: 'We could not find that therapist profile. It may have been removed.',
  },
  'group.not_found': {
    status: 404,
    title: 'No such group',
    detail: 'We could not find that group. It may have been deleted already.',
  },
  'group.facilitator_unknown': {
    status: 422,
    title: 'Facilitator not found',
    detail:
      "We could not find that facilitator among the practice's therapists. Please choose one from the list.",
  },
  'crisis.country_unknown': {
    status: 422,
    title: 'No crisis lines for that country',
    detail:
      'We have no crisis lines for that country. Please pick one from the list, or "Anywhere else".',
  },
  'journey.none': {
    status: 409,
    title: 'No journey yet',
    detail:
      'Please start your journey first. It takes a minute, and you can change everything later.',
  },
  'journey.exists': {
    status: 409,
    title: 'You already have a journey',
    detail:
      'You already have a journey in progress. You can change its path and details at any time.',
  },
  'journey.not_together': {
    status: 409,
    title: 'Inviting is for the together path',
    detail:
      'Inviting a partner is part of the "rebuild together" path. You can switch paths whenever you are ready.',
  },
  'journey.full': {
    status: 409,
    title: 'Both partners are here',
    detail: 'This journey already has two members.',
  },
  'journey.has_partner': {
    status: 409,
    title: 'Your partner has joined',
    detail: 'Your partner has joined this journey, so its path cannot be changed here.',
  },
  'invite.invalid': {
    status: 404,
    title: 'Invitation not found',
    detail:
      "We couldn't find this invitation. Please check that you copied the whole link, or ask for a new one.",
  },
  'invite.used': {
    status: 410,
    title: 'Invitation already used',
    detail:
      'This invitation has already been used. Each link works once — if you need to join, please ask for a new link.',
  },
  'invite.expired': {
    status: 410,
    title: 'Invitation expired',
    detail:
      'This invitation has expired — links last seven days. Please ask for a new one whenever you are both ready.',
  },
  'invite.revoked': {
    status: 410,
    title: 'Invitation withdrawn',
    detail:
      'This invitation is no longer active. If you expected it to work, please ask for a new link.',
  },
  'invite.own': {
    status: 409,
    title: 'This is your own invitation',
    detail:
      'This is the link you created for your partner. Please send it to them rather than opening it yourself.',
  },
  'invite.not_found': {
    status: 404,
    title: 'Invitation not found',
    detail: 'There is no such invitation on your journey.',
  },
  'checkin.not_found': {
    status: 404,
    title: 'Check-in not found',
    detail: 'We could not find that check-in.',
  },
  'cursor.invalid': {
    status: 400,
    title: 'Could not load more',
    detail: 'We could not tell where the list left off. Please reload the list.',
  },
  'letter.not_found': {
    status: 404,
    title: 'Letter not found',
    detail: 'We could not find that letter.',
  },
  'letter.role': {
    status: 409,
    title: 'This one is for the other part of the loop',
    detail:
      'On the together path, the partner who was hurt writes the impact letter and the partner who broke trust writes a reflection on it, and the accountability statement. If that does not match how you see your part, you can change it in Settings.',
  },
  'letter.path': {
    status: 409,
    title: 'This kind of letter belongs to another path',
    detail:
      'Letters you send are part of the together path. On a path of your own, you can write a letter that stays with you.',
  },
  'letter.locked': {
    status: 409,
    title: 'This version stays as it is',
    detail:
      'This version is kept as it was written, so it cannot be changed or removed. You can write a new version instead.',
  },
  'letter.statement_exists': {
    status: 409,
    title: 'Your statement already has its place',
    detail:
      'You have begun an accountability statement already. Add a new version to it, and every earlier version stays readable.',
  },
  'letter.draft_exists': {
    status: 409,
    title: 'You already have a draft here',
    detail:
      'You already have a draft for this letter. It is saved, and only you can see it: please carry on with that one.',
  },
  'letter.unsent_private': {
    status: 409,
    title: 'An unsent letter stays with you',
    detail: 'A letter you keep for yourself is never sent to anyone. It stays private to you.',
  },
  'letter.no_partner': {
    status: 409,
    title: 'Your partner has not joined yet',
    detail:
      'There is no one to send this to yet. It stays saved as a draft, and only you can see it.',
  },
  'letter.reflect_on_partner': {
    status: 409,
    title: 'A reflection answers a letter',
    detail: 'A reflection is written on a letter your partner has sent you.',
  },
  'letter.newer_version': {
    status: 409,
    title: 'There is a newer version of the letter',
    detail:
      'Your partner has sent a newer version of their letter. Please read it before sending your reflection. Your draft is saved, and only you can see it.',
  },
  'letter.awaiting_answer': {
    status: 409,
    title: 'Your last reflection is waiting for an answer',
    detail:
      'Your partner has not answered your last reflection yet. There is no hurry: you can write a new version once they have answered. Anything you wrote is saved.',
  },
  'letter.understood': {
    status: 409,
    title: 'Your partner feels understood',
    detail:
      'Your partner has said they feel understood by your reflection, so there is nothing more to send on this letter. Anything you wrote is saved, and only you can see it.',
  },
  'letter.not_yours_to_answer': {
    status: 409,
    title: 'This answer is for the letter’s writer',
    detail: 'A reflection is answered by the person who wrote the letter it reflects on.',
  },
  'letter.answered': {
    status: 409,
    title: 'Already answered',
    detail:
      'This reflection already has an answer. Each version is answered once; a new version can be answered when it arrives.',
  },
  'letter.superseded': {
    status: 409,
    title: 'There is a newer reflection',
    detail: 'A newer version of this reflection has arrived. Please answer that one instead.',
  },
  'letter.answer_kind': {
    status: 400,
    title: 'That answer is for another kind of letter',
    detail:
      'A reflection is answered “I feel understood” or “Not yet”; a statement “It helps”, “I need more” or “Not now”.',
  },
  'letter.parts': {
    status: 400,
    title: 'A statement is written in four parts',
    detail:
      'A statement is written in its four parts, and each part has a few words in it before it is sent; other letters are one text. Your draft is saved, and only you can see it.',
  },
  'timeout.not_found': {
    status: 404,
    title: 'Time-out not found',
    detail: 'We could not find that time-out.',
  },
  'timeout.running': {
    status: 409,
    title: 'A time-out is already running',
    detail:
      'A time-out is already running on your journey. You will both come back to this when it ends.',
  },
  'timeout.no_partner': {
    status: 409,
    title: 'Time-outs are agreed with a partner',
    detail:
      'A time-out pauses a conversation with your partner, so it needs the together path with both of you on it.',
  },
  'measure.answers_invalid': {
    status: 422,
    title: 'Some answers need another look',
    detail:
      'Please choose one of the answers offered for each question, then try again. Nothing was saved.',
  },
  'program.step_not_found': {
    status: 404,
    title: 'Step not found',
    detail: 'We could not find that step. The seven steps are listed on your journey page.',
  },
  'program.exercise_not_found': {
    status: 404,
    title: 'Exercise not found',
    detail: 'We could not find that exercise. Each step lists its exercises on its own page.',
  },
  'program.exercise_done_in_app': {
    status: 409,
    title: 'This one marks itself',
    detail:
      'This exercise is noted as worked on when you do it in Steadfast, so there is nothing to mark by hand.',
  },
  'agreement.not_found': {
    status: 404,
    title: 'Agreement not found',
    detail: 'We could not find that agreement or that version of it.',
  },
  'agreement.text_invalid': {
    status: 422,
    title: 'Please check the wording',
    detail: 'An agreement needs a few words, up to 2,000 characters. Nothing was saved.',
  },
  'agreement.own_proposal': {
    status: 409,
    title: 'This one is for your partner to answer',
    detail:
      'You proposed this version, so your partner answers it. Once they have, you can answer their reply or suggest a change.',
  },
  'agreement.changed': {
    status: 409,
    title: 'This agreement has changed',
    detail:
      'Your partner answered or changed this agreement while you were reading it, so nothing was saved. Please look at the latest version; anything you typed is still on the page.',
  },
  'commitment.not_found': {
    status: 404,
    title: 'Commitment not found',
    detail: 'We could not find that commitment or that entry.',
  },
  'commitment.not_accepted': {
    status: 409,
    title: 'Not agreed yet',
    detail: 'A commitment grows from an agreement you have both accepted.',
  },
  'commitment.exists': {
    status: 409,
    title: 'You already hold this commitment',
    detail: 'You have already committed to this agreement. You can keep logging there.',
  },
  'commitment.ended': {
    status: 409,
    title: 'This commitment has ended',
    detail: 'This commitment has been ended, so nothing new is added to it. Its history is kept.',
  },
  'commitment.not_yours_to_log': {
    status: 409,
    title: 'Logged by the one who committed',
    detail: 'Follow-through is logged by the partner who made the commitment.',
  },
  'commitment.not_yours_to_confirm': {
    status: 409,
    title: 'Answered by your partner',
    detail:
      'An entry is confirmed or questioned by the partner who did not log it. Your partner will see it.',
  },
  'commitment.log_changed': {
    status: 409,
    title: 'This entry has changed',
    detail:
      'This entry was answered or changed while you were reading it, so nothing was saved. Please look at it again.',
  },
  'link.therapist_not_found': {
    status: 404,
    title: 'Therapist not found',
    detail:
      'We could not find that therapist in the directory. Please pick one from the list, or ask them for a code.',
  },
  'link.code_invalid': {
    status: 422,
    title: 'That code did not work',
    detail:
      'That code did not work. A code works once, for seven days. Please check it, or ask your therapist for a new one.',
  },
  'link.exists': {
    status: 409,
    title: 'Already linked',
    detail:
      'You have already asked this therapist to link, or you are linked already. You can see it in your list.',
  },
  'link.ended': {
    status: 409,
    title: 'This link has ended',
    detail: 'This link has ended, so nothing was changed. You can ask to link again at any time.',
  },
  'link.not_requested': {
    status: 409,
    title: 'This request has already been answered',
    detail: 'This request was already accepted, declined or withdrawn, so nothing was changed.',
  },
  'intake.closed': {
    status: 409,
    title: 'Not taking new requests just now',
    detail:
      'The practice is not taking new requests just now, so nothing was sent. If you are in danger or need to talk to someone now, the crisis lines are there for you.',
  },
  'intake.rate_limited': {
    status: 429,
    title: 'Several requests already arrived',
    detail:
      'Several requests have come from here in the last hour, so this one was not sent. The practice has the ones that arrived; please try again later if you need to.',
  },
  'intake.therapist_unknown': {
    status: 422,
    title: 'Please choose another therapist',
    detail:
      'That therapist is not taking requests through this form. Please choose someone from the list, or anyone.',
  },
  'intake.not_found': {
    status: 404,
    title: 'Request not found',
    detail: 'There is no such request, or it is not one you can see.',
  },
  // The therapist's side (caseload).
  'client.not_found': {
    status: 404,
    title: 'Client not found',
    detail:
      'There is no client here you can see. They may not be linked with you, or they have not chosen to share this with you.',
  },
  'suggestion.ref_unknown': {
    status: 422,
    title: 'Nothing by that name to suggest',
    detail:
      'We could not find that step, exercise or tool. Please choose one from the list and try again.',
  },
  not_found: {
    status: 404,
    title: 'Not found',
    detail: 'There is nothing at this address.',
  },
  // therapists
  'therapist_invite.not_found': {
    status: 404,
    title: 'Invitation not found',
    detail: 'There is no open invitation like that. It may have been used or withdrawn already.',
  },
  'therapist.not_found': {
    status: 404,
    title: 'Therapist not found',
    detail:
      'There is no therapist with access like that. Their access may have been removed already.',
  },
  // Two-factor sign-in (TOTP).
  'auth.two_factor_needed': {
    status: 401,
    title: 'Your sign-in code is needed',
    detail:
      'Please enter the 6-digit code from your authenticator app, or one of your recovery codes.',
  },
  'auth.two_factor_invalid': {
    status: 401,
    title: 'That code did not match',
    detail:
      "That code didn't match. Codes change every 30 seconds: please enter the one your app shows now, or a recovery code you have not used yet.",
  },
  'auth.two_factor_setup_needed': {
    status: 403,
    title: 'Two-factor sign-in is needed first',
    detail:
      'Your account needs two-factor sign-in before anything else. Please set it up with an authenticator app; it takes a minute.',
  },
  'two_factor.not_started': {
    status: 409,
    title: 'Setup has not started',
    detail:
      'Please start two-factor setup again: scan the new code, then enter the code your app shows.',
  },
  'two_factor.already_on': {
    status: 409,
    title: 'Two-factor sign-in is already on',
    detail: 'Two-factor sign-in is already on for your account.',
  },
  'two_factor.off': {
    status: 409,
    title: 'Two-factor sign-in is off',
    detail: 'Two-factor sign-in is not on for your account, so there is nothing to change yet.',
  },
  'two_factor.code_invalid': {
    status: 422,
    title: 'That code did not match',
    detail:
      "That code didn't match. Please enter the 6-digit code your authenticator app shows now.",
  },
  'two_factor.password_invalid': {
    status: 422,
    title: 'That password did not match',
    detail: "That password didn't match. Please enter the password you sign in with.",
  },
  'two_factor.required': {
    status: 403,
    title: 'Two-factor sign-in stays on',
    detail:
      'Two-factor sign-in is required for therapists and administrators, so it cannot be turned off for this account. You can make new recovery codes instead.',
  },
  'activity.not_found': {
    status: 404,
    title: 'Activity not found',
    detail: 'We could not find that activity.',
  },
  'activity.no_partner': {
    status: 409,
    title: 'Shared activities are planned with a partner',
    detail:
      'Shared activities are planned together, so they need your partner on the journey with you. Nothing was saved.',
  },
  'activity.set_aside': {
    status: 409,
    title: 'This activity is set aside',
    detail:
      'This activity is set aside. Bring it back to the list first if you would like to plan it or mark it done.',
  },
  'activity.not_planned': {
    status: 409,
    title: 'This activity has no date yet',
    detail: 'A calendar file needs a date. Plan the activity for a day first.',
  },
  'closeness.no_partner': {
    status: 409,
    title: 'This is for the two of you',
    detail:
      'Marking what you feel ready for is shared with a partner, so it needs both of you on the journey. Nothing was saved.',
  },
  'reconnection.no_partner': {
    status: 409,
    title: 'This is shared with a partner',
    detail:
      'Connection prompts and appreciation notes are shared between partners, so they need the together path with both of you on it. Nothing was saved.',
  },
  'prompt.not_found': {
    status: 404,
    title: 'Prompt not found',
    detail: 'We could not find that prompt. The decks are listed on the connection prompts page.',
  },
  'prompt.set_aside': {
    status: 409,
    title: 'This prompt was set aside',
    detail:
      'This prompt was set aside, so it is closed for both of you. Nothing was saved; any other prompt is open.',
  },
  'prompt.revealed': {
    status: 409,
    title: 'Both answers are already shared',
    detail:
      'You have both answered this prompt and can both read the answers, so they stay as they were. Nothing was changed.',
  },
  'appreciation.not_found': {
    status: 404,
    title: 'Note not found',
    detail: 'We could not find that note.',
  },
  'question.not_found': {
    status: 404,
    title: 'Question not found',
    detail: 'We could not find that question or that answer.',
  },
  'question.no_partner': {
    status: 409,
    title: 'Questions are shared with a partner',
    detail:
      'Questions and answers happen between the two of you, so they need the together path with both of you on it.',
  },
  'question.not_asker': {
    status: 403,
    title: 'Questions here are asked by the partner who was hurt',
    detail:
      'On this journey your partner asks and you answer, in your own time. If the way you described your part has changed, you can update it in Settings.',
  },
  'question.closed': {
    status: 409,
    title: 'Questions are closed right now',
    detail:
      'You have set questions to be closed at the moment, so nothing was sent. Your words are still here: open questions now, or keep them for your next set time.',
  },
  'question.paused': {
    status: 409,
    title: 'Questions are paused',
    detail:
      'Questions and answers are paused for now, so nothing was sent. Your words are still here; you can come back to them when questions open again.',
  },
  'question.own': {
    status: 409,
    title: 'This one is for your partner to answer',
    detail:
      'You asked this question, so your partner answers it. You can come back to it with a new question whenever you like.',
  },
  'question.not_yours_to_mark': {
    status: 409,
    title: 'Only the person who asked marks an answer',
    detail: 'Whether an answer helps is for the person who asked the question to say.',
  },
  'meeting.no_partner': {
    status: 409,
    title: 'Check-in meetings are held with a partner',
    detail:
      'A check-in meeting is something the two of you hold together, so it needs the together path with both of you on it.',
  },
  'meeting.no_schedule': {
    status: 409,
    title: 'No meeting time yet',
    detail: 'Choose a day and time for your check-in meeting first; then you can prepare for it.',
  },
  'meeting.not_found': {
    status: 404,
    title: 'Meeting not found',
    detail: 'We could not find a meeting on that day.',
  },
  'meeting.item_not_found': {
    status: 404,
    title: 'Not found',
    detail: 'We could not find that part of your preparation.',
  },
  'meeting.ended': {
    status: 409,
    title: 'This meeting has ended',
    detail:
      'This meeting is over, so what was prepared for it stays as it was. You can prepare for the next one.',
  },
  'meeting.not_started': {
    status: 409,
    title: 'This meeting has not begun yet',
    detail: 'A note on how it went can be written once the meeting has begun.',
  },
  'forgiveness.not_found': {
    status: 404,
    title: 'Not found',
    detail: 'We could not find that entry.',
  },
  'forgiveness.no_partner': {
    status: 409,
    title: 'Your partner has not joined yet',
    detail:
      'Sharing your chart needs a partner on the journey with you. Everything you write here stays yours in the meantime.',
  },
};

export function problem(
  code: string,
  status: number,
  title: string,
  detail: string,
  errors?: Problem['errors'],
): Problem {
  return { type: `/problems/${code}`, title, status, detail, code, ...(errors ? { errors } : {}) };
}

export const problemFor = (code: ErrorCode): Problem => {
  const e = catalogue[code];
  return problem(code, e.status, e.title, e.detail);
};

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

const fieldName = (path: readonly PropertyKey[]): string =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[');

/** Fastify's own client errors, turned into words a person can act on. */
const frameworkErrors: Record<string, { code: string; title: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'request.malformed_json',
    title: 'Could not read the request',
    detail: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'request.empty_body',
    title: 'Could not read the request',
    detail: 'The request said it carries JSON but the body is empty.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'request.unsupported_media_type',
    title: 'Unsupported content type',
    detail: 'Please send JSON (Content-Type: application/json).',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'request.too_large',
    title: 'Too large',
    detail: 'The request is larger than we accept.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'request.bad_length',
    title: 'Could not read the request',
    detail: 'The request length does not match its body.',
  },
};

/**
 * Every problem `type` the server can send, with what its page says. The catalogue's own words, the
 * framework's, and the two made on the spot (their detail varies, so the page describes them).
 */
export const problemTypes: Readonly<Record<string, { title: string; detail: string }>> = {
  ...catalogue,
  ...Object.fromEntries(
    Object.values(frameworkErrors).map((e) => [e.code, { title: e.title, detail: e.detail }]),
  ),
  'request.invalid': {
    title: 'Please check what you entered',
    detail:
      'Something in the request is not valid. The `errors` list names each field and what to change.',
  },
  internal: {
    title: 'Something went wrong on our side',
    detail:
      'Something went wrong on our side and nothing was saved. Please try again; if it keeps happening, tell the practice and mention the reference given in the message.',
  },
};

/** Maps any error to problem details; 5xx internals are logged with the request id, never sent. */
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof DomainError) return problemFor(error.code);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({
      field: fieldName([
        v.instancePath.split('/').filter(Boolean).join('.') || error.validationContext || 'request',
      ]),
      message: v.message ?? 'This value is not valid.',
    }));
    const where = error.validationContext ?? 'body';
    return problem(
      'request.invalid',
      400,
      'Please check what you entered',
      errors.length === 1
        ? (errors[0]?.message ?? 'Something in the request is not valid.')
        : `Some things in the ${where} need another look.`,
      errors,
    );
  }
  const fe = error as Partial<FastifyError>;
  const known = fe.code ? frameworkErrors[fe.code] : undefined;
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (known)
    return problem(
      known.code,
      status >= 400 && status < 500 ? status : 400,
      known.title,
      known.detail,
    );
  if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
    return problem(
      'request.invalid',
      status,
      'Could not handle the request',
      'The request could not be handled as sent.',
    );
  }
  request.log.error({ err: error }, 'unhandled error');
  return problem(
    'internal',
    500,
    'Something went wrong on our side',
    `Something went wrong on our side and nothing was saved. Please try again; if it keeps happening, tell the practice and mention reference ${request.id}.`,
  );
}
