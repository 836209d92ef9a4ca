import { z } from 'zod';
import {
  approaches,
  AVAILABILITY_MAX,
  BIO_MAX,
  canonicalLanguage,
  formats,
  LANGUAGES_MAX,
  NAME_MAX,
  photoTypeOf,
  PHOTO_MAX_BYTES,
  photoTypes,
  TITLE_MAX,
} from '../../core/directory/profile.js';
import { endpoint } from './endpoint.js';
import { userText } from './text.js';

export const Approach = z.enum(approaches, {
  error: 'Please choose approaches from the list: EFT, Gottman or other.',
});
export const Format = z.enum(formats, {
  error: 'Please choose formats from the list: individual, couples or group.',
});

/** A language as a BCP 47 tag ("en", "pt-BR"), stored in its canonical form. */
export const Language = z
  .string({ error: 'Please give each language as a code, such as "en" or "pt-BR".' })
  .max(35, { error: 'That language code is too long; please use a code such as "en" or "pt-BR".' })
  .transform((tag, ctx) => {
    const canonical = canonicalLanguage(tag.trim());
    if (!canonical) {
      ctx.addIssue({
        code: 'custom',
        message: `We do not know the language "${tag}". Please use a code such as "en", "fr" or "pt-BR".`,
      });
      return z.NEVER;
    }
    return canonical;
  });

const yesNo = (what: string) => z.boolean({ error: `Please answer yes or no: ${what}.` });

/** What a therapist (or the administrator) writes on a profile. */
export const ProfileBody = z.strictObject({
  name: userText({
    trim: true,
    min: 1,
    max: NAME_MAX,
    tooShort: 'Please write the name people will see.',
    tooLong: `The name is longer than ${NAME_MAX} characters.`,
  }),
  title: userText({
    trim: true,
    max: TITLE_MAX,
    tooLong: `The title is longer than ${TITLE_MAX} characters.`,
  }),
  bio: userText({
    trim: true,
    max: BIO_MAX,
    tooLong: `The introduction is longer than ${BIO_MAX.toLocaleString('en')} characters.`,
  }),
  approaches: z
    .array(Approach)
    .max(approaches.length)
    .transform((list) => [...new Set(list)]),
  formats: z
    .array(Format)
    .max(formats.length)
    .transform((list) => [...new Set(list)]),
  languages: z
    .array(Language)
    .max(LANGUAGES_MAX, { error: `Please list at most ${LANGUAGES_MAX} languages.` })
    .transform((list) => [...new Set(list)]),
  betrayalExperience: yesNo('experience with betrayal'),
  online: yesNo('sessions online'),
  inPerson: yesNo('sessions in person'),
  accepting: yesNo('accepting new clients'),
  availability: userText({
    trim: true,
    max: AVAILABILITY_MAX,
    tooLong: `The availability is longer than ${AVAILABILITY_MAX} characters.`,
  }),
  published: yesNo('shown in the directory'),
});
export type ProfileBody = z.infer<typeof ProfileBody>;

export const TherapistProfile = z.object({
  userId: z.string(),
  slug: z.string(),
  name: z.string(),
  title: z.string(),
  bio: z.string(),
  approaches: z.array(Approach),
  formats: z.array(Format),
  languages: z.array(z.string()),
  betrayalExperience: z.boolean(),
  online: z.boolean(),
  inPerson: z.boolean(),
  accepting: z.boolean(),
  availability: z.string(),
  published: z.boolean(),
  /** The photo's public address, or null without one. */
  photoUrl: z.string().nullable(),
  updatedAt: z.number().int(),
});
export type TherapistProfile = z.infer<typeof TherapistProfile>;

export const ProfileList = z.object({ profiles: z.array(TherapistProfile) });
export type ProfileList = z.infer<typeof ProfileList>;

/** Base64 of at most 300 KB grows by a third, plus the JSON around it. */
const PHOTO_BODY_LIMIT = Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 4096;

export const PhotoBody = z.strictObject({
  /** The image as base64 (a `data:` prefix is allowed); JPEG, PNG or WebP, known by its bytes. */
  image: z
    .string({ error: 'Please send the photo as base64 text.' })
    .max(PHOTO_BODY_LIMIT, {
      error: 'The photo is larger than 300 KB. Please choose a smaller one.',
    })
    .transform((text, ctx) => {
      const b64 = text.replace(/^data:[a-z/+.-]+;base64,/i, '').replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0 || b64.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'The photo could not be read. Please choose it again.',
        });
        return z.NEVER;
      }
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      if (bytes.length > PHOTO_MAX_BYTES) {
        ctx.addIssue({
          code: 'custom',
          message: 'The photo is larger than 300 KB. Please choose a smaller one.',
        });
        return z.NEVER;
      }
      const type = photoTypeOf(bytes);
      if (!type) {
        ctx.addIssue({
          code: 'custom',
          message: 'The photo must be a JPEG, PNG or WebP image.',
        });
        return z.NEVER;
      }
      return { base64: b64, type };
    }),
});
export type PhotoBody = z.infer<typeof PhotoBody>;
export { photoTypes };

export const ProfileParams = z.strictObject({ id: z.uuid({ error: 'That id is not valid.' }) });

const tag = 'directory';

/** A therapist's public profile: their own to write, the administrator's to correct or publish. */
export const directoryApi = {
  mine: endpoint({
    method: 'GET',
    path: '/api/directory/profile',
    tag,
    summary: 'My public profile (made, unpublished, the first time I ask)',
    caller: 'therapist',
    response: TherapistProfile,
  }),
  update: endpoint({
    method: 'PUT',
    path: '/api/directory/profile',
    tag,
    summary: 'Change my public profile, and whether it is shown',
    caller: 'therapist',
    body: ProfileBody,
    response: TherapistProfile,
  }),
  photo: endpoint({
    method: 'PUT',
    path: '/api/directory/profile/photo',
    tag,
    summary: 'Set my profile photo (JPEG, PNG or WebP, at most 300 KB, as base64)',
    caller: 'therapist',
    body: PhotoBody,
    bodyLimit: PHOTO_BODY_LIMIT + 1024,
    response: TherapistProfile,
  }),
  removePhoto: endpoint({
    method: 'DELETE',
    path: '/api/directory/profile/photo',
    tag,
    summary: 'Remove my profile photo',
    caller: 'therapist',
    response: TherapistProfile,
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/directory/profiles',
    tag,
    summary: "Every therapist's profile, shown or not",
    caller: 'admin',
    response: ProfileList,
  }),
  change: endpoint({
    method: 'PUT',
    path: '/api/directory/profiles/:id',
    tag,
    summary: "Change a therapist's profile, or whether it is shown",
    caller: 'admin',
    params: ProfileParams,
    body: ProfileBody,
    response: TherapistProfile,
    errors: ['profile.not_found'],
  }),
  changePhoto: endpoint({
    method: 'PUT',
    path: '/api/directory/profiles/:id/photo',
    tag,
    summary: "Set a therapist's profile photo (JPEG, PNG or WebP, at most 300 KB, as base64)",
    caller: 'admin',
    params: ProfileParams,
    body: PhotoBody,
    bodyLimit: PHOTO_BODY_LIMIT + 1024,
    response: TherapistProfile,
    errors: ['profile.not_found'],
  }),
};
