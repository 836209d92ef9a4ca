import { z } from 'zod';
import { IdParams, pageOf, PageQuery } from './common.js';
import { endpoint } from './endpoint.js';
import { userText } from './text.js';

/** What a person asking for help is looking for. */
export const lookingForKinds = ['individual', 'couple', 'group'] as const;
export const LookingFor = z.enum(lookingForKinds, {
  error: 'Please choose what you are looking for.',
});
export type LookingFor = z.infer<typeof LookingFor>;

/** How the practice may reach them. */
export const contactMethods = ['email', 'call', 'text'] as const;
export const ContactMethod = z.enum(contactMethods, {
  error: 'Please choose how we may contact you.',
});
export type ContactMethod = z.infer<typeof ContactMethod>;

/** Where a request stands in the practice's inbox. */
export const intakeStatuses = ['new', 'contacted', 'closed'] as const;
export const IntakeStatus = z.enum(intakeStatuses, {
  error: 'Please choose new, contacted or closed.',
});
export type IntakeStatus = z.infer<typeof IntakeStatus>;

export const INTAKE_NAME_MAX = 100;
export const INTAKE_DETAIL_MAX = 200;
export const INTAKE_TIMES_MAX = 300;
export const INTAKE_MESSAGE_MAX = 1000;
export const THERAPIST_SLUG_MAX = 80;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A phone number as people write it: digits, spaces, +, dashes, dots, brackets; 6 to 20 digits. */
const PHONE = /^\+?[\d\s().-]+$/;

/**
 * Everything a person asking for help writes (the public form, and the app's own form). It is
 * sealed as a whole; nothing of it is stored in the clear.
 */
export const IntakeBody = z
  .strictObject({
    lookingFor: LookingFor,
    /** A published therapist's slug, or null for "anyone". */
    therapist: z
      .string({ error: 'Please choose a therapist, or anyone.' })
      .max(THERAPIST_SLUG_MAX, { error: 'Please choose a therapist from the list, or anyone.' })
      .nullable()
      .default(null),
    contactMethod: ContactMethod,
    contactDetail: userText({
      notText: 'Please write your email address or phone number as text.',
      trim: true,
      min: 1,
      max: INTAKE_DETAIL_MAX,
      tooShort: 'Please write the email address or phone number we may use.',
      tooLong: `That is longer than ${INTAKE_DETAIL_MAX} characters.`,
    }),
    times: userText({
      notText: 'Please write the times as text.',
      trim: true,
      max: INTAKE_TIMES_MAX,
      tooLong: `Please keep the times to ${INTAKE_TIMES_MAX} characters.`,
    }).default(''),
    safeToLeaveMessage: z.boolean({
      error: 'Please say whether it is safe to leave you a message.',
    }),
    name: userText({
      notText: 'Please write a name as text.',
      trim: true,
      min: 1,
      max: INTAKE_NAME_MAX,
      tooShort: 'Please write a name we may use. Any name you choose is fine.',
      tooLong: `Please keep the name to ${INTAKE_NAME_MAX} characters.`,
    }),
    message: userText({
      notText: 'Please write the message as text.',
      trim: true,
      max: INTAKE_MESSAGE_MAX,
      tooLong: `Please keep the message to ${INTAKE_MESSAGE_MAX.toLocaleString('en')} characters.`,
    }).default(''),
    confirmByEmail: z.boolean({ error: 'Please tick the box, or leave it.' }).default(false),
  })
  .superRefine(
    (b, ctx) => {
      // Also runs when other fields are wrong (see `when`), so every problem is named at once:
      // each value is checked for its type before it is read.
      const detail = typeof b.contactDetail === 'string' ? b.contactDetail.trim() : '';
      if (detail !== '') {
        if (b.contactMethod === 'email' && !EMAIL.test(detail)) {
          ctx.addIssue({
            code: 'custom',
            path: ['contactDetail'],
            message: 'Please write an email address, like name@example.org.',
          });
        }
        if (b.contactMethod === 'call' || b.contactMethod === 'text') {
          const digits = detail.replace(/\D/g, '').length;
          if (!PHONE.test(detail) || digits < 6 || digits > 20) {
            ctx.addIssue({
              code: 'custom',
              path: ['contactDetail'],
              message: 'Please write a phone number, with digits and, if you like, spaces or a +.',
            });
          }
        }
      }
      if (
        b.confirmByEmail === true &&
        b.contactMethod !== undefined &&
        b.contactMethod !== 'email'
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['confirmByEmail'],
          message:
            'A confirmation can only go to an email address: choose email above, or leave this box empty.',
        });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
export type IntakeBody = z.infer<typeof IntakeBody>;
export type IntakeInput = z.input<typeof IntakeBody>;

/** A therapist a person may choose on the form. */
export const IntakeTherapist = z.object({ slug: z.string(), name: z.string() });
export type IntakeTherapist = z.infer<typeof IntakeTherapist>;

/** What the form needs: whether the practice takes requests now, and whom one may choose. */
export const IntakeForm = z.object({
  open: z.boolean(),
  therapists: z.array(IntakeTherapist),
});
export type IntakeForm = z.infer<typeof IntakeForm>;

/** A request in the inbox list: enough to tell requests apart, and how to reply. */
export const IntakeSummary = z.object({
  id: z.uuid(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  status: IntakeStatus,
  lookingFor: LookingFor,
  /** The therapist chosen; null for "anyone" (or a therapist no longer listed). */
  therapist: IntakeTherapist.nullable(),
  name: z.string(),
  contactMethod: ContactMethod,
});
export type IntakeSummary = z.infer<typeof IntakeSummary>;

/** One request, with everything the person wrote. */
export const IntakeDetail = IntakeSummary.extend({
  contactDetail: z.string(),
  times: z.string(),
  safeToLeaveMessage: z.boolean(),
  message: z.string(),
});
export type IntakeDetail = z.infer<typeof IntakeDetail>;

export const IntakeListQuery = PageQuery.extend({ status: IntakeStatus.optional() });
export type IntakeListQuery = z.infer<typeof IntakeListQuery>;

export const IntakeStatusBody = z.strictObject({ status: IntakeStatus });
export type IntakeStatusBody = z.infer<typeof IntakeStatusBody>;

const tag = 'intake';

/**
 * Asking the practice for help (anyone, without an account), and the inbox where those requests
 * land: the administrator sees every request, a therapist only those that chose them.
 */
export const intakeApi = {
  form: endpoint({
    method: 'GET',
    path: '/api/intake/form',
    tag,
    summary: 'Whether the practice takes requests now, and the therapists one may choose',
    caller: 'anyone',
    response: IntakeForm,
  }),
  send: endpoint({
    method: 'POST',
    path: '/api/intake',
    tag,
    summary: 'Ask the practice for help',
    caller: 'anyone',
    body: IntakeBody,
    response: null,
    status: 204,
    errors: ['intake.closed', 'intake.rate_limited', 'intake.therapist_unknown'],
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/intake/requests',
    tag,
    summary: "Every request in the practice's inbox, newest first",
    caller: 'admin',
    query: IntakeListQuery,
    response: pageOf(IntakeSummary),
    errors: ['cursor.invalid'],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/intake/requests/:id',
    tag,
    summary: 'One request, with how to reply',
    caller: 'admin',
    params: IdParams,
    response: IntakeDetail,
    errors: ['intake.not_found'],
  }),
  setStatus: endpoint({
    method: 'PUT',
    path: '/api/intake/requests/:id/status',
    tag,
    summary: 'Mark a request new, contacted or closed',
    caller: 'admin',
    params: IdParams,
    body: IntakeStatusBody,
    response: IntakeDetail,
    errors: ['intake.not_found'],
  }),
  mine: endpoint({
    method: 'GET',
    path: '/api/therapist/intake',
    tag,
    summary: 'The requests that chose this therapist, newest first',
    caller: 'therapist',
    query: IntakeListQuery,
    response: pageOf(IntakeSummary),
    errors: ['cursor.invalid'],
  }),
  mineGet: endpoint({
    method: 'GET',
    path: '/api/therapist/intake/:id',
    tag,
    summary: 'One request that chose this therapist',
    caller: 'therapist',
    params: IdParams,
    response: IntakeDetail,
    errors: ['intake.not_found'],
  }),
  mineSetStatus: endpoint({
    method: 'PUT',
    path: '/api/therapist/intake/:id/status',
    tag,
    summary: 'Mark a request that chose this therapist new, contacted or closed',
    caller: 'therapist',
    params: IdParams,
    body: IntakeStatusBody,
    response: IntakeDetail,
    errors: ['intake.not_found'],
  }),
};
