import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CrisisResources,
  pickCountry,
  type CrisisCountry,
} from '../../../core/crisis/resources.js';
import { t } from '../../../shared/i18n/messages.js';
import type { Deps } from '../../deps.js';
import { access } from '../../http/access.js';
import { compressedBody, sendStatic, type StaticBody } from '../../http/static-body.js';
import { html, layout, raw } from '../../pages/html.js';
import { currentCrisisResources } from './crisis.source.js';

const countryBlock = (c: CrisisCountry, headingLevel: 'h2' | 'h3') => {
  const heading =
    headingLevel === 'h2'
      ? html`<h2 id="country-${c.code}">${c.name}</h2>`
      : html`<h3 id="country-${c.code}">${c.name}</h3>`;
  return html`<section class="crisis-country" aria-labelledby="country-${c.code}">
    ${heading}
    <p class="emergency">
      <strong>${t('help.emergency')}:</strong>
      <a class="call" href="${c.emergency.href}"
        >${t('help.call', { number: c.emergency.number })}</a
      >${c.emergency.note ? html`<br /><span class="note">${c.emergency.note}</span>` : ''}
    </p>
    <ul class="lines">
      ${c.lines.map(
        (l) =>
          html`<li>
            <strong>${l.name}</strong> —
            ${t(l.kind === 'crisis' ? 'help.kind.crisis' : 'help.kind.abuse')}.<br /><a
              class="call"
              href="${l.href}"
              >${l.text}</a
            >
          </li>`,
      )}
    </ul>
  </section>`;
};

/**
 * Crisis resources as plain HTML with no script and no API call, so they work when nothing else
 * does. The person picks their country; we never guess it from their address.
 */
export function registerCrisisRoutes(app: FastifyInstance, deps: Deps): void {
  // The page is built per request (the practice may edit its lines at any time), but it takes few
  // forms: each is compressed once, keyed by its exact text, so an edit is never served stale.
  const compressed = new Map<string, StaticBody>();
  const bodyOf = (page: string) => {
    let body = compressed.get(page);
    if (!body) {
      if (compressed.size >= 100) compressed.clear();
      // no-cache, not no-store: the offline copy of this page is the one the service worker keeps.
      body = compressedBody(page, 'text/html; charset=utf-8', 'no-cache');
      compressed.set(page, body);
    }
    return body;
  };
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/crisis',
    {
      config: access('public'),
      schema: {
        tags: ['crisis'],
        summary:
          'Crisis and abuse lines by country (emergency number first), as the practice keeps them',
        response: { 200: CrisisResources },
      },
    },
    () => currentCrisisResources(deps),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/help',
    {
      config: access('public'),
      schema: { hide: true, querystring: z.object({ country: z.string().max(10).optional() }) },
    },
    async (request, reply) => {
      const crisis = await currentCrisisResources(deps);
      const chosen = pickCountry(crisis, request.query.country);
      const others = crisis.countries.filter((c) => c !== chosen);
      const body = html`<h1>${t('help.title')}</h1>
        <p class="lede">${t('help.intro')}</p>
        <p class="tools-link"><a href="/tools">${t('tools.fromHelp')}</a></p>
        <form class="country-picker" method="get" action="/help">
          <label for="country">${t('help.chooseCountry')}</label>
          <select id="country" name="country">
            ${crisis.countries.map(
              (c) =>
                html`<option value="${c.code}" ${c === chosen ? raw(' selected') : ''}>
                  ${c.name}
                </option>`,
            )}
          </select>
          <button type="submit" class="button">${t('help.show')}</button>
        </form>
        ${chosen ? countryBlock(chosen, 'h2') : ''}
        ${chosen ? html`<h2>${t('help.otherCountries')}</h2>` : ''}
        ${others.map((c) => countryBlock(c, chosen ? 'h3' : 'h2'))}
        <section class="crisis-country" aria-labelledby="anywhere-else">
          <h2 id="anywhere-else">${t('help.anywhereElse')}</h2>
          <p>${t('help.anywhereElseText')}</p>
        </section>
        <p class="small">${t('help.verified', { date: crisis.verifiedOn })}</p>`;
      return sendStatic(
        request,
        reply,
        bodyOf(layout({ title: t('help.title'), body, current: '/help' })),
      );
    },
  );
}
