import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugPattern } from '../../../core/content/learn-page.js';
import type { ToolKind } from '../../../core/content/tool-page.js';
import { t } from '../../../shared/i18n/messages.js';
import type { Deps } from '../../deps.js';
import { access } from '../../http/access.js';
import { compressedBody, sendStatic, type StaticBody } from '../../http/static-body.js';
import { html, layout, raw, type Html } from '../../pages/html.js';
import { notFoundPage } from '../../pages/not-found.js';

/**
 * A paced-breathing guide in CSS alone (4 s in, 6 s out; see "Tools" in site.css). The picture is
 * one labelled image to assistive technology; the counting text below it is what screen readers
 * read, and what everyone sees when they asked for reduced motion.
 */
const breathingGuide = (): Html =>
  html`<figure class="breathing">
    <div class="breathing-pacer" role="img" aria-label="${t('tools.breathing.label')}">
      <div class="breathing-circle"></div>
      <p class="breathing-cue">
        <span class="breathing-cue-in">${t('tools.breathing.in')}</span>
        <span class="breathing-cue-out">${t('tools.breathing.out')}</span>
      </p>
    </div>
    <figcaption class="breathing-counts">${t('tools.breathing.counts')}</figcaption>
  </figure>`;

/** Pages that carry more than their Markdown. */
const extras: Readonly<Record<string, () => Html>> = { breathing: breathingGuide };

/**
 * Tools for intense moments, rendered once at start from the validated content and served as plain
 * HTML like the Learn pages: no account, no script, quick on a phone at 2 a.m.
 */
export function registerToolRoutes(app: FastifyInstance, deps: Deps): void {
  const { tools } = deps.content;
  const section = (kind: ToolKind, heading: string, intro: string) => {
    const pages = tools.index.filter((p) => p.kind === kind);
    return html`<section aria-labelledby="tools-${kind}">
      <h2 id="tools-${kind}">${heading}</h2>
      <p>${intro}</p>
      <ul class="card-list">
        ${pages.map(
          (p) =>
            html`<li>
              <a href="/tools/${p.slug}"><strong>${p.title}</strong></a>
              <p>${p.summary}</p>
            </li>`,
        )}
      </ul>
    </section>`;
  };

  const rendered = new Map<string, string>();
  rendered.set(
    '/tools',
    layout({
      title: t('tools.indexTitle'),
      description: tools.intro.summary,
      body: html`<h1>${t('tools.indexTitle')}</h1>
        <p class="lede">${tools.intro.summary}</p>
        <div class="prose">${raw(tools.intro.html)}</div>
        ${section('exercise', t('tools.exercises'), t('tools.exercisesIntro'))}
        ${section('guidance', t('tools.guidance'), t('tools.guidanceIntro'))}`,
    }),
  );
  for (const page of tools.index) {
    rendered.set(
      `/tools/${page.slug}`,
      layout({
        title: page.title,
        description: page.summary,
        body: html`<article>
            <h1>${page.title}</h1>
            <p class="lede">${page.summary}</p>
            ${extras[page.slug]?.()}
            <div class="prose">${raw(page.html)}</div>
          </article>
          <nav class="next-steps" aria-label="${t('tools.nextSteps')}">
            <h2>${t('tools.nextSteps')}</h2>
            <p class="actions">
              <a class="button" href="/tools">${t('tools.allTools')}</a>
            </p>
          </nav>`,
      }),
    );
  }

  const r = app.withTypeProvider<ZodTypeProvider>();
  // Compressed once here, like the pages themselves: nothing is compressed per request.
  const bodies = new Map<string, StaticBody>(
    [...rendered].map(([url, page]) => [
      url,
      compressedBody(page, 'text/html; charset=utf-8', 'public, max-age=300'),
    ]),
  );
  r.get('/tools', { config: access('public'), schema: { hide: true } }, (req, reply) =>
    sendStatic(req, reply, bodies.get('/tools') as StaticBody),
  );
  r.get(
    '/tools/:slug',
    {
      config: access('public'),
      schema: { hide: true, params: z.object({ slug: z.string().max(80) }) },
    },
    (req, reply) => {
      const page = slugPattern.test(req.params.slug)
        ? bodies.get(`/tools/${req.params.slug}`)
        : undefined;
      if (!page) return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage());
      return sendStatic(req, reply, page);
    },
  );
}
