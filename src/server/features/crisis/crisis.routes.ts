import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CrisisCountry } from '../../../core/crisis/resources.js';
import { crisisApi } from '../../../shared/api/crisis.js';
import { t } from '../../../shared/i18n/messages.js';
import type { Deps } from '../../deps.js';
import { access, actorOf } from '../../http/access.js';
import { serve } from '../../http/route.js';
import { compressedBody, sendStatic, type StaticBody } from '../../http/static-body.js';
import { html, layout, raw } from '../../pages/html.js';
import * as crisis from './crisis.service.js';

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
            <a class="call" href="${l.href}">${l.name}: ${l.number}</a><br /><span class="small"
              >${t(l.kind === 'crisis' ? 'help.kind.crisis' : 'help.kind.abuse')}.${
                // The link says the number; only a way to text it adds anything.
                l.text === `Call ${l.number}` ? '' : ` ${l.text}.`
              }</span
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
  serve(app, deps, crisisApi.lines, () => crisis.crisisLines(deps));

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
    '/help',
    {
      config: access('public'),
      schema: { hide: true, querystring: z.object({ country: z.string().max(10).optional() }) },
    },
    async (request, reply) => {
      const { crisis: lines, chosen } = await crisis.helpLines(
        deps,
        actorOf(request),
        request.query.country,
      );
      const others = lines.countries.filter((c) => c !== chosen);
      const anywhereElse = html`<section class="crisis-country" aria-labelledby="anywhere-else">
        <h2 id="anywhere-else">${t('help.anywhereElse')}</h2>
        <p>${t('help.anywhereElseText')}</p>
      </section>`;
      // The numbers come first, in the first screen of a small phone; the words after them.
      const body = html`<h1>${t('help.title')}</h1>
        ${chosen ? countryBlock(chosen, 'h2') : anywhereElse}
        <form class="country-picker" method="get" action="/help">
          <label for="country">${t('help.chooseCountry')}</label>
          <select id="country" name="country">
            ${lines.countries.map(
              (c) =>
                html`<option value="${c.code}" ${c === chosen ? raw(' selected') : ''}>
                  ${c.name}
                </option>`,
            )}
          </select>
          <button type="submit" class="button">${t('help.show')}</button>
        </form>
        <p class="lede">${t('help.intro')}</p>
        <p class="tools-link"><a href="/tools">${t('tools.fromHelp')}</a></p>
        ${chosen ? html`<h2>${t('help.otherCountries')}</h2>` : ''}
        ${others.map((c) => countryBlock(c, chosen ? 'h3' : 'h2'))} ${chosen ? anywhereElse : ''}
        <p class="small">${t('help.verified', { date: lines.verifiedOn })}</p>`;
      return sendStatic(
        request,
        reply,
        bodyOf(layout({ title: t('help.title'), body, current: '/help' })),
      );
    },
  );
}
