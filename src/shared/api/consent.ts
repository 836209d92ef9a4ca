import { z } from 'zod';
import { consentCategories } from '../../core/access/consent.js';
import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';

export const ConsentCategory = z.enum(consentCategories, {
  error: 'Please choose one of the kinds of things a therapist may see.',
});
export type ConsentCategory = z.infer<typeof ConsentCategory>;

export const LinkStatus = z.enum(['requested', 'active', 'ended']);
export type LinkStatus = z.infer<typeof LinkStatus>;

/** Each category and whether the client lets this therapist see it (all false until chosen). */
export const ConsentChoices = z.object(
  Object.fromEntries(consentCategories.map((c) => [c, z.boolean()])) as Record<
    (typeof consentCategories)[number],
    z.ZodBoolean
  >,
);
export type ConsentChoices = z.infer<typeof ConsentChoices>;

/** A client's link to one therapist, as the client sees it. */
export const MyLink = z.object({
  id: z.uuid(),
  therapist: z.object({ id: z.string(), name: z.string(), slug: z.string().nullable() }),
  status: LinkStatus,
  /** The client's own answer: should a crisis answer alert this therapist? */
  alertCrisis: z.boolean(),
  consents: ConsentChoices,
  createdAt: z.number().int(),
  acceptedAt: z.number().int().nullable(),
  endedAt: z.number().int().nullable(),
  /** Who ended it (a declined request is ended by the therapist); null while not ended. */
  endedBy: z.enum(['me', 'therapist']).nullable(),
});
export type MyLink = z.infer<typeof MyLink>;

export const MyLinks = z.object({ links: z.array(MyLink) });
export type MyLinks = z.infer<typeof MyLinks>;

const alertCrisis = z.boolean({
  error: 'Please answer whether a crisis answer should alert this therapist: yes or no.',
});

/** Asking to link: by the therapist's directory address or by the code they gave. */
export const LinkRequestBody = z
  .strictObject({
    slug: z
      .string({ error: 'Please pick a therapist from the list.' })
      .min(1)
      .max(100, { error: 'Please pick a therapist from the list.' })
      .optional(),
    code: z
      .string({ error: 'Please type the code your therapist gave you.' })
      .min(1, { error: 'Please type the code your therapist gave you.' })
      .max(40, { error: 'That code is longer than a link code.' })
      .optional(),
    alertCrisis,
  })
  .refine((b) => (b.slug === undefined) !== (b.code === undefined), {
    error: 'Please either pick a therapist from the list or type a code, not both.',
    path: ['code'],
  });
export type LinkRequestBody = z.infer<typeof LinkRequestBody>;

export const AlertChoiceBody = z.strictObject({ alertCrisis });
export type AlertChoiceBody = z.infer<typeof AlertChoiceBody>;

export const ConsentBody = z.strictObject({
  granted: z.boolean({ error: 'Please say whether this therapist may see this: yes or no.' }),
});
export type ConsentBody = z.infer<typeof ConsentBody>;

export const ConsentParams = z.strictObject({
  id: z.uuid({ error: 'That id is not valid.' }),
  category: ConsentCategory,
});

/** A published therapist a client may ask to link with. */
export const DirectoryEntry = z.object({
  slug: z.string(),
  name: z.string(),
  title: z.string(),
  accepting: z.boolean(),
});
export const LinkDirectory = z.object({ therapists: z.array(DirectoryEntry) });
export type LinkDirectory = z.infer<typeof LinkDirectory>;

/** A link as the therapist sees it. */
export const ClientLink = z.object({
  id: z.uuid(),
  client: z.object({ id: z.string(), name: z.string() }),
  status: LinkStatus,
  /** What the client lets this therapist see (all false before the link is active). */
  consents: ConsentChoices,
  alertCrisis: z.boolean(),
  createdAt: z.number().int(),
  acceptedAt: z.number().int().nullable(),
  endedAt: z.number().int().nullable(),
  endedBy: z.enum(['me', 'client']).nullable(),
});
export type ClientLink = z.infer<typeof ClientLink>;

export const ClientLinks = z.object({ links: z.array(ClientLink) });
export type ClientLinks = z.infer<typeof ClientLinks>;

export const LinkCode = z.object({
  /** Eight characters to read aloud, shown as two groups of four. */
  code: z.string(),
  expiresAt: z.number().int(),
});
export type LinkCode = z.infer<typeof LinkCode>;

export const AlertKind = z.enum(['crisis_item9', 'crisis_safety', 'deterioration']);
export type AlertKind = z.infer<typeof AlertKind>;

const tag = 'consent';

/**
 * Linking a client with a therapist, the client's consent per category, and the alerts a client
 * chose to send. The client's side is `member`; the therapist's side is `therapist`.
 */
export const consentApi = {
  myLinks: endpoint({
    method: 'GET',
    path: '/api/my-therapists',
    tag,
    summary: 'My links with therapists, with what each may see',
    caller: 'member',
    response: MyLinks,
  }),
  directory: endpoint({
    method: 'GET',
    path: '/api/my-therapists/directory',
    tag,
    summary: "The practice's published therapists I may ask to link with",
    caller: 'member',
    response: LinkDirectory,
  }),
  request: endpoint({
    method: 'POST',
    path: '/api/my-therapists',
    tag,
    summary: 'Ask a therapist to link with me, by their directory address or a code they gave me',
    caller: 'member',
    body: LinkRequestBody,
    response: MyLink,
    status: 201,
    errors: ['link.therapist_not_found', 'link.code_invalid', 'link.exists'],
  }),
  alertChoice: endpoint({
    method: 'PUT',
    path: '/api/my-therapists/:id/alerts',
    tag,
    summary: 'Change whether a crisis answer alerts this therapist',
    caller: 'member',
    params: IdParams,
    body: AlertChoiceBody,
    response: MyLink,
    errors: ['not_found', 'link.ended'],
  }),
  consent: endpoint({
    method: 'PUT',
    path: '/api/my-therapists/:id/consents/:category',
    tag,
    summary: 'Let this therapist see a category, or stop',
    caller: 'member',
    params: ConsentParams,
    body: ConsentBody,
    response: MyLink,
    errors: ['not_found', 'link.ended'],
  }),
  endMine: endpoint({
    method: 'POST',
    path: '/api/my-therapists/:id/end',
    tag,
    summary: 'End my link with this therapist (their access ends at once)',
    caller: 'member',
    params: IdParams,
    response: MyLink,
    errors: ['not_found', 'link.ended'],
  }),
  clients: endpoint({
    method: 'GET',
    path: '/api/therapist/links',
    tag,
    summary: 'Link requests and linked clients',
    caller: 'therapist',
    response: ClientLinks,
  }),
  accept: endpoint({
    method: 'POST',
    path: '/api/therapist/links/:id/accept',
    tag,
    summary: "Accept a client's request to link",
    caller: 'therapist',
    params: IdParams,
    response: ClientLink,
    errors: ['not_found', 'link.not_requested'],
  }),
  decline: endpoint({
    method: 'POST',
    path: '/api/therapist/links/:id/decline',
    tag,
    summary: "Decline a client's request to link",
    caller: 'therapist',
    params: IdParams,
    response: ClientLink,
    errors: ['not_found', 'link.not_requested'],
  }),
  endTheirs: endpoint({
    method: 'POST',
    path: '/api/therapist/links/:id/end',
    tag,
    summary: 'End a link with a client',
    caller: 'therapist',
    params: IdParams,
    response: ClientLink,
    errors: ['not_found', 'link.ended'],
  }),
  code: endpoint({
    method: 'POST',
    path: '/api/therapist/link-codes',
    tag,
    summary: 'A new code to give a client so they can link (single use, seven days)',
    caller: 'therapist',
    response: LinkCode,
    status: 201,
  }),
};
