import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugPattern } from '../../../core/content/learn-page.js';
import { t } from '../../../shared/i18n/messages.js';
import type { Deps } from '../../deps.js';
import { access } from '../../http/access.js';
import { compressedBody, sendStatic, type StaticBody } from '../../http/static-body.js';
import { adminExists } from '../../auth/users.store.js';
import { html, layout, raw } from '../../pages/html.js';
import { notFoundPage } from '../../pages/not-found.js';

/**
 * The public Learn pages, rendered once at start from the validated content and served as plain
 * HTML: readable with JavaScript off, in a text browser, and quick on a poor connection.
 */
export function registerLearnRoutes(app: FastifyInstance, deps: Deps): void {
  const { content } = deps;
  const home = content.learn.get('home');
  if (!home) throw new Error('home page missing');
  const pageList = html`<ul class="card-list">
    ${content.learnIndex.map(
      (p) =>
        html`<li>
          <a href="/learn/${p.slug}"><strong>${p.title}</strong></a>
          <p>${p.summary}</p>
        </li>`,
    )}
  </ul>`;
  const toolsLink = html`<p class="tools-link"><a href="/tools">${t('tools.fromLearn')}</a></p>`;

  const rendered = new Map<string, string>();
  rendered.set(
    '/',
    layout({
      title: t('app.tagline'),
      description: home.summary,
      body: html`<h1>${home.title}</h1>
        <p class="lede">${home.summary}</p>
        <p class="actions">
          <a class="button primary" href="/signup">${t('learn.startCta')}</a>
          <a class="button" href="/learn">${t('chrome.learn')}</a>
        </p>
        ${toolsLink}
        <div class="prose">${raw(home.html)}</div>
        <h2>${t('learn.indexTitle')}</h2>
        ${pageList}`,
    }),
  );
  rendered.set(
    '/learn',
    layout({
      title: t('learn.indexTitle'),
      description: t('learn.indexIntro'),
      current: '/learn',
      body: html`<h1>${t('learn.indexTitle')}</h1>
        <p class="lede">${t('learn.indexIntro')}</p>
        ${pageList} ${toolsLink}`,
    }),
  );
  for (const page of content.learnIndex) {
    rendered.set(
      `/learn/${page.slug}`,
      layout({
        title: page.title,
        description: page.summary,
        current: '/learn',
        body: html`<article>
            <h1>${page.title}</h1>
            <p class="lede">${page.summary}</p>
            <div class="prose">${raw(page.html)}</div>
          </article>
          <nav class="next-steps" aria-label="${t('learn.nextSteps')}">
            <h2>${t('learn.nextSteps')}</h2>
            <p>
              <a class="button primary" href="/signup">${t('learn.startCta')}</a>
              <a class="button" href="/learn">${t('learn.allPages')}</a>
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
  const send = (key: string) => bodies.get(key);

  // A fresh instance leads whoever opens it first to the one-time setup. Once an administrator
  // exists that can never change, so the answer is remembered and the database is not asked again.
  let setupDone = false;
  r.get('/', { config: access('public'), schema: { hide: true } }, async (req, reply) => {
    setupDone ||= await adminExists(deps.database.db);
    if (!setupDone) return reply.redirect('/setup', 302);
    return sendStatic(req, reply, send('/') as StaticBody);
  });
  r.get('/learn', { config: access('public'), schema: { hide: true } }, (req, reply) =>
    sendStatic(req, reply, send('/learn') as StaticBody),
  );
  r.get(
    '/learn/:slug',
    {
      config: access('public'),
      schema: { hide: true, params: z.object({ slug: z.string().max(80) }) },
    },
    (req, reply) => {
      const page = slugPattern.test(req.params.slug)
        ? send(`/learn/${req.params.slug}`)
        : undefined;
      if (!page) return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage());
      return sendStatic(req, reply, page);
    },
  );
}
