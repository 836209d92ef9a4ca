import { z } from 'zod';

/** The front matter every Learn page must carry; a page that breaks it stops start-up. */
export const LearnFrontMatter = z.strictObject({
  title: z.string().min(1).max(120),
  summary: z.string().min(1).max(200),
  order: z.number().int().min(0),
});
export type LearnFrontMatter = z.infer<typeof LearnFrontMatter>;

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The pages the product promises; start-up fails if one is missing. */
export const requiredLearnPages = [
  'home',
  'kinds-of-betrayal',
  'impact',
  'mental-health',
  'how-repair-works',
  'questions',
] as const;

export interface LearnPage extends LearnFrontMatter {
  readonly slug: string;
  /** Rendered from our own Markdown, never from user input. */
  readonly html: string;
}
