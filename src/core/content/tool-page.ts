import { z } from 'zod';

/** An exercise is something to do right now; guidance is something to read about one feeling. */
export const ToolKind = z.enum(['exercise', 'guidance']);
export type ToolKind = z.infer<typeof ToolKind>;

/** The front matter every tool page must carry; a page that breaks it stops start-up. */
export const ToolFrontMatter = z.strictObject({
  title: z.string().min(1).max(120),
  summary: z.string().min(1).max(200),
  order: z.number().int().min(0),
  kind: ToolKind,
});
export type ToolFrontMatter = z.infer<typeof ToolFrontMatter>;

/** The front matter of `index.md`, the introduction to the tools index page (its title is chrome). */
export const ToolsIntroFrontMatter = z.strictObject({
  summary: z.string().min(1).max(200),
});
export type ToolsIntroFrontMatter = z.infer<typeof ToolsIntroFrontMatter>;

/** The file that introduces the index rather than being a tool itself. */
export const toolsIntroSlug = 'index';

/** The tools the product promises; start-up fails if one is missing. */
export const requiredTools = ['grounding', 'breathing', 'grief', 'anxiety', 'anger'] as const;

export interface ToolPage extends ToolFrontMatter {
  readonly slug: string;
  /** Rendered from our own Markdown, never from user input. */
  readonly html: string;
}

export interface ToolsIntro extends ToolsIntroFrontMatter {
  readonly html: string;
}

export interface ToolsContent {
  readonly pages: ReadonlyMap<string, ToolPage>;
  /** Exercises first (someone flooded needs something to do before something to read), then guidance. */
  readonly index: readonly ToolPage[];
  readonly intro: ToolsIntro;
}

const kindRank: Record<ToolKind, number> = { exercise: 0, guidance: 1 };

/** Reading order of the index: by kind, then by each page's `order`, then by slug so ties are stable. */
export const orderTools = (pages: Iterable<ToolPage>): ToolPage[] =>
  [...pages].sort(
    (a, b) =>
      kindRank[a.kind] - kindRank[b.kind] || a.order - b.order ||
      (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
