import { z } from 'zod';
import { consentCategories } from '../../core/access/consent.js';
import { Reliability, Rhythm } from './commitments.js';
import { AgreementCategory } from './agreements.js';
import { Feeling } from './checkins.js';
import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';
import { ReliableChangeLabel } from './screens.js';
import { userText } from './text.js';

/** The categories a client may share with a linked therapist. */
export const ConsentCategory = z.enum(consentCategories);
export type ConsentCategory = z.infer<typeof ConsentCategory>;

export const alertKinds = ['crisis_item9', 'crisis_safety', 'deterioration'] as const;
export const AlertKind = z.enum(alertKinds);
export type AlertKind = z.infer<typeof AlertKind>;

/** An alert: a kind and a date about a client, never any content. */
export const AlertView = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  kind: AlertKind,
  at: z.number().int(),
  seenAt: z.number().int().nullable(),
});
export type AlertView = z.infer<typeof AlertView>;

export const AlertList = z.object({ alerts: z.array(AlertView) });
export type AlertList = z.infer<typeof AlertList>;

export const CaseloadClient = z.object({
  id: z.uuid(),
  name: z.string(),
  linkedSince: z.number().int(),
  /** The categories this client shares with the therapist (which ones, never their content). */
  shared: z.array(ConsentCategory),
});
export type CaseloadClient = z.infer<typeof CaseloadClient>;

/** One client, or a couple when both partners of a journey are linked with this therapist. */
export const CaseloadEntry = z.object({
  kind: z.enum(['individual', 'couple']),
  clients: z.array(CaseloadClient).min(1).max(2),
  unseenAlerts: z.number().int(),
  latestAlert: AlertView.nullable(),
});
export type CaseloadEntry = z.infer<typeof CaseloadEntry>;

export const Caseload = z.object({
  /** Those with unseen crisis alerts first, then unseen deterioration, then everyone by name. */
  entries: z.array(CaseloadEntry),
  alerts: z.array(AlertView),
});
export type Caseload = z.infer<typeof Caseload>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day (YYYY-MM-DD, UTC); the summary and report start at its beginning. */
export const SinceQuery = z.strictObject({
  since: z
    .string()
    .regex(DAY, { error: 'Please give the date as YYYY-MM-DD.' })
    .refine(
      (s) => {
        const at = Date.parse(`${s}T00:00:00Z`);
        return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === s;
      },
      {
        error: 'That date does not exist.',
      },
    )
    .optional(),
});
export type SinceQuery = z.infer<typeof SinceQuery>;

const FeelingWeek = z.object({
  feeling: Feeling,
  count: z.number().int(),
  averageIntensity: z.number(),
});

export const CheckinSummary = z.object({
  count: z.number().int(),
  /** Each feeling over the whole period. */
  feelings: z.array(FeelingWeek),
  /** Week by week (weeks start on the since date), oldest first. */
  weeks: z.array(z.object({ start: z.number().int(), feelings: z.array(FeelingWeek) })),
  ids: z.array(z.uuid()),
});
export type CheckinSummary = z.infer<typeof CheckinSummary>;

export const ScreenSummaryResult = z.object({
  id: z.uuid(),
  instrumentId: z.string(),
  createdAt: z.number().int(),
  total: z.number().int(),
  max: z.number().int(),
  band: z.object({ id: z.string(), label: z.string() }),
  /** Against the result before it (null for the first ever). */
  changeSincePrevious: ReliableChangeLabel.nullable(),
  /** Against the person's first result, the baseline (null for the baseline itself). */
  changeSinceFirst: ReliableChangeLabel.nullable(),
});
export type ScreenSummaryResult = z.infer<typeof ScreenSummaryResult>;

export const PersonSummary = z.object({
  clientId: z.uuid(),
  name: z.string(),
  /** Categories this person has not shared: their sections are absent. */
  notShared: z.array(ConsentCategory),
  checkins: CheckinSummary.nullable(),
  /** Results in the period, and the one just before it for comparison. */
  screens: z.object({ results: z.array(ScreenSummaryResult) }).nullable(),
  letters: z
    .object({
      items: z.array(
        z.object({
          id: z.uuid(),
          kind: z.enum(['impact', 'reflection', 'statement', 'forgiveness']),
          version: z.number().int(),
          sharedAt: z.number().int(),
        }),
      ),
    })
    .nullable(),
  commitments: z
    .object({
      items: z.array(
        z.object({
          id: z.uuid(),
          category: AgreementCategory,
          rhythm: Rhythm,
          startedAt: z.number().int(),
          endedAt: z.number().int().nullable(),
          reliability: Reliability,
        }),
      ),
    })
    .nullable(),
  safety: z
    .object({ checkedAt: z.number().int().nullable(), anyYes: z.boolean().nullable() })
    .nullable(),
  /** Exercises this person worked on in the period (their own marks). */
  exercises: z
    .array(z.object({ exerciseId: z.string(), title: z.string(), at: z.number().int() }))
    .nullable(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

/** What the two made together: shown only when every owner shares the category. */
export const JointSummary = z.object({
  notShared: z.array(ConsentCategory),
  program: z
    .object({
      done: z.array(z.object({ stepId: z.string(), title: z.string(), at: z.number().int() })),
      revisited: z.array(z.object({ stepId: z.string(), title: z.string(), at: z.number().int() })),
    })
    .nullable(),
  agreements: z
    .object({
      items: z.array(
        z.object({
          id: z.uuid(),
          version: z.number().int(),
          category: AgreementCategory,
          status: z.enum(['proposed', 'accepted', 'declined', 'superseded']),
          at: z.number().int(),
        }),
      ),
    })
    .nullable(),
});
export type JointSummary = z.infer<typeof JointSummary>;

export const ClientSummary = z.object({
  since: z.number().int(),
  to: z.number().int(),
  kind: z.enum(['individual', 'couple']),
  people: z.array(PersonSummary).min(1).max(2),
  /** Null when the client has no journey (nothing made together). */
  joint: JointSummary.nullable(),
});
export type ClientSummary = z.infer<typeof ClientSummary>;

export const suggestionKinds = ['exercise', 'step', 'tool'] as const;
export const SuggestionKind = z.enum(suggestionKinds, {
  error: 'Please choose an exercise, a step or a tool.',
});

export const SUGGESTION_NOTE_MAX = 1000;

export const SuggestBody = z.strictObject({
  kind: SuggestionKind,
  ref: z.string().min(1).max(200),
  note: userText({
    notText: 'Please write the note as text.',
    max: SUGGESTION_NOTE_MAX,
    tooLong: `The note is longer than ${SUGGESTION_NOTE_MAX.toLocaleString('en')} characters.`,
  }),
  /** Also to the client's partner, when both are linked with you. */
  couple: z.boolean().optional(),
});
export type SuggestBody = z.infer<typeof SuggestBody>;

export const SuggestionView = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  kind: SuggestionKind,
  ref: z.string(),
  title: z.string(),
  /** Where to open it in the app or on the site. */
  href: z.string(),
  note: z.string(),
  therapistName: z.string(),
  createdAt: z.number().int(),
});
export type SuggestionView = z.infer<typeof SuggestionView>;

export const SuggestionsSent = z.object({ suggestions: z.array(SuggestionView) });
export const SuggestionList = z.object({ items: z.array(SuggestionView) });
export type SuggestionList = z.infer<typeof SuggestionList>;

/** What a therapist may suggest, by kind: the program's steps and exercises and the tools. */
export const SuggestOptions = z.object({
  options: z.array(z.object({ kind: SuggestionKind, ref: z.string(), title: z.string() })),
});
export type SuggestOptions = z.infer<typeof SuggestOptions>;

const tag = 'caseload';

/** The therapist's side: caseload, alerts, between-sessions summary, suggestions and the report. */
export const caseloadApi = {
  caseload: endpoint({
    method: 'GET',
    path: '/api/therapist/caseload',
    tag,
    summary: 'My linked clients and couples, alerts first, with the categories each shares',
    caller: 'therapist',
    response: Caseload,
  }),
  alerts: endpoint({
    method: 'GET',
    path: '/api/therapist/alerts',
    tag,
    summary: 'My alerts about linked clients: a kind and a date, newest first',
    caller: 'therapist',
    response: AlertList,
  }),
  alertSeen: endpoint({
    method: 'POST',
    path: '/api/therapist/alerts/:id/seen',
    tag,
    summary: 'Marks one of my alerts seen',
    caller: 'therapist',
    params: IdParams,
    response: AlertView,
    errors: ['not_found'],
  }),
  summary: endpoint({
    method: 'GET',
    path: '/api/therapist/clients/:id/summary',
    tag,
    summary:
      'What changed since a date in the categories a client (or couple) shares with me; every read is logged',
    caller: 'therapist',
    params: IdParams,
    query: SinceQuery,
    response: ClientSummary,
    errors: ['client.not_found'],
  }),
  report: endpoint({
    method: 'GET',
    path: '/api/therapist/clients/:id/report.pdf',
    tag,
    summary: 'A PDF report of the shared categories since a date, for the clinical record',
    caller: 'therapist',
    params: IdParams,
    query: SinceQuery,
    response: null,
    status: 200,
    errors: ['client.not_found'],
  }),
  suggestOptions: endpoint({
    method: 'GET',
    path: '/api/therapist/suggestion-options',
    tag,
    summary: 'The steps, exercises and tools I can suggest',
    caller: 'therapist',
    response: SuggestOptions,
  }),
  suggest: endpoint({
    method: 'POST',
    path: '/api/therapist/clients/:id/suggestions',
    tag,
    summary: 'Suggests an exercise, a step or a tool to a client (or both partners) with a note',
    caller: 'therapist',
    params: IdParams,
    body: SuggestBody,
    response: SuggestionsSent,
    status: 201,
    errors: ['client.not_found', 'suggestion.ref_unknown'],
  }),
  mySuggestions: endpoint({
    method: 'GET',
    path: '/api/suggestions',
    tag,
    summary: 'Gentle suggestions from my therapist, not set aside',
    caller: 'member',
    response: SuggestionList,
  }),
  setAside: endpoint({
    method: 'POST',
    path: '/api/suggestions/:id/set-aside',
    tag,
    summary: 'Sets a suggestion aside',
    caller: 'member',
    params: IdParams,
    response: null,
    status: 204,
    errors: ['not_found'],
  }),
};
