import type { FastifyInstance } from 'fastify';
import { t } from '../../../shared/i18n/messages.js';
import { access } from '../../http/access.js';
import { html, layout } from '../../pages/html.js';
import { notFoundPage } from '../../pages/not-found.js';
import { problemTypes } from '../../problems.js';

interface OpenApiOperation {
  summary?: string;
  tags?: string[];
  'x-access'?: string;
}

/** A short page for each problem `type`, so the link in every error answer leads somewhere. */
function problemPage(code: string, entry: { title: string; detail: string }): string {
  return layout({
    title: entry.title,
    body: html`<h1>${entry.title}</h1>
      <p>${entry.detail}</p>
      <p>${t('docs.problem.code', { code })} ${t('docs.problem.forPrograms')}</p>
      <p><a href="/api/docs">${t('docs.problem.back')}</a></p>`,
  });
}

/** The OpenAPI document, a script-free page that lists it for people, and the problem pages. */
export function registerDocsRoutes(app: FastifyInstance): void {
  app.get('/api/openapi.json', { config: access('public'), schema: { hide: true } }, () =>
    app.swagger(),
  );

  const pages = new Map(
    Object.entries(problemTypes).map(([code, entry]) => [code, problemPage(code, entry)]),
  );
  app.get(
    '/problems/:code',
    { config: access('public'), schema: { hide: true } },
    (request, reply) => {
      const page = pages.get((request.params as { code: string }).code);
      return reply
        .code(page ? 200 : 404)
        .type('text/html; charset=utf-8')
        .send(page ?? notFoundPage());
    },
  );

  app.get('/api/docs', { config: access('public'), schema: { hide: true } }, (_request, reply) => {
    const doc = app.swagger() as { paths?: Record<string, Record<string, OpenApiOperation>> };
    const rows = Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
      Object.entries(ops).map(
        ([method, op]) =>
          html`<tr>
            <td><code>${method.toUpperCase()}</code></td>
            <td><code>${path}</code></td>
            <td>${op.summary ?? ''}</td>
            <td>${op['x-access'] ?? ''}</td>
          </tr>`,
      ),
    );
    const body = html`<h1>${t('docs.title')}</h1>
      <p>${t('docs.intro')} <a href="/api/openapi.json">${t('docs.json')}</a></p>
      <div class="table-scroll">
        <table>
          <caption>
            ${t('docs.title')}
          </caption>
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">What it does</th>
              <th scope="col">Who may call it</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>
      </div>`;
    return reply.type('text/html; charset=utf-8').send(layout({ title: t('docs.title'), body }));
  });
}
