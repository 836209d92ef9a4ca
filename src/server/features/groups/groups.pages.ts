import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugPattern } from '../../../core/directory/profile.js';
import { parseLocal, recurrenceOf, zonedToUtc } from '../../../core/groups/schedule.js';
import { t } from '../../../shared/i18n/messages.js';
import type { Deps } from '../../deps.js';
import { access } from '../../http/access.js';
import { html, layout, type Html } from '../../pages/html.js';
import { notFoundPage } from '../../pages/not-found.js';
import type { StoredProfile } from '../directory/directory.store.js';
import { paragraphs } from '../directory/directory.pages.js';
import { groupCalendar } from './groups.calendar.js';
import { profilesById, upcoming } from './groups.service.js';
import { findGroupBySlug, listGroups, type StoredGroup } from './groups.store.js';

const when = (ms: number, tz: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: tz, dateStyle: 'full', timeStyle: 'short' }).format(
    ms,
  );

/**
 * "Every week on Tuesday at 18:30 (Europe/Berlin). Each meeting lasts 90 minutes. 8 meetings,
 * starting Tuesday, 17 March 2026."
 */
export function scheduleInWords(g: StoredGroup): string {
  const first = parseLocal(g.firstMeeting);
  const r = recurrenceOf(g.rrule, g.timeZone);
  if (!first || !r) return '';
  const start = zonedToUtc(first, g.timeZone);
  const fmt = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: g.timeZone, ...o }).format(start);
  const vars = {
    weekday: fmt({ weekday: 'long' }),
    day: first.day,
    time: fmt({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    zone: g.timeZone,
  };
  const rhythm = t(`groups.rhythm.${r.frequency}`, vars);
  const firstDate = fmt({ dateStyle: 'full' });
  const end =
    r.count !== null
      ? t('groups.endCount', { count: r.count, first: firstDate })
      : t('groups.endUntil', {
          first: firstDate,
          until: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
            Date.parse(`${r.until ?? ''}T12:00:00Z`),
          ),
        });
  return `${rhythm} ${t('groups.length', { count: g.durationMinutes })} ${end}`;
}

const placesLine = (g: StoredGroup) => {
  const left = Math.max(0, g.capacity - g.placesTaken);
  return left === 0 ? t('groups.full') : t('groups.placesLeft', { count: left });
};

const formatLine = (g: StoredGroup) =>
  g.format === 'online' ? t('groups.format.online') : t('groups.format.in_person');

function facilitatorLine(g: StoredGroup, profiles: ReadonlyMap<string, StoredProfile>): Html | '' {
  const p = g.facilitatorId ? profiles.get(g.facilitatorId) : undefined;
  if (!p) return '';
  return html`<p>
    ${t('groups.facilitatedBy')}
    ${p.published ? html`<a href="/directory/${p.slug}">${p.name}</a>` : p.name}
  </p>`;
}

export function groupsPage(
  groups: StoredGroup[],
  profiles: ReadonlyMap<string, StoredProfile>,
  now: number,
): string {
  return layout({
    title: t('groups.title'),
    description: t('groups.intro'),
    current: '/groups',
    body: html`<h1>${t('groups.title')}</h1>
      <p class="lede">${t('groups.intro')}</p>
      ${
        groups.length === 0
          ? html`<p class="empty">${t('groups.none')}</p>
              <p><a href="/directory">${t('groups.seeDirectory')}</a></p>`
          : html`<ul class="card-list">
              ${groups.map((g) => {
                const next = upcoming(g, now, 1)[0];
                return html`<li>
                  <h2><a href="/groups/${g.slug}">${g.name}</a></h2>
                  <p>${scheduleInWords(g)}</p>
                  <p>
                    ${
                      next !== undefined
                        ? t('groups.nextMeeting', { when: when(next, g.timeZone) })
                        : t('groups.ended')
                    }
                  </p>
                  <p class="small">${formatLine(g)} · ${placesLine(g)}</p>
                  ${facilitatorLine(g, profiles)}
                </li>`;
              })}
            </ul>`
      }`,
  });
}

export function groupPage(
  g: StoredGroup,
  profiles: ReadonlyMap<string, StoredProfile>,
  now: number,
): string {
  const next = upcoming(g, now);
  return layout({
    title: g.name,
    description: scheduleInWords(g),
    current: '/groups',
    body: html`<article>
      <h1>${g.name}</h1>
      ${g.description ? html`<div class="prose">${paragraphs(g.description)}</div>` : ''}
      <h2>${t('groups.when')}</h2>
      <p>${scheduleInWords(g)}</p>
      ${
        next.length > 0
          ? html`<h3>${t('groups.nextDates')}</h3>
              <ul>
                ${next.map(
                  (ms) =>
                    html`<li>
                      <time datetime="${new Date(ms).toISOString()}">${when(ms, g.timeZone)}</time>
                    </li>`,
                )}
              </ul>`
          : html`<p>${t('groups.ended')}</p>`
      }
      <p>${t('groups.timesIn', { zone: g.timeZone })}</p>
      <p>
        <a class="button" href="/groups/${g.slug}.ics" download="${g.slug}.ics"
          >${t('groups.addToCalendar')}</a
        >
      </p>
      <h2>${t('groups.where')}</h2>
      <p>${formatLine(g)}</p>
      ${g.location ? html`<p>${g.location}</p>` : ''}
      <h2>${t('groups.joining')}</h2>
      ${facilitatorLine(g, profiles)}
      <p>${placesLine(g)}</p>
      <p><a class="button primary" href="/intake">${t('groups.ask')}</a></p>
      <p><a href="/groups">${t('groups.back')}</a></p>
    </article>`,
  });
}

const sendPage = (reply: FastifyReply, status: number, page: string) =>
  reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(page);

/** The public group pages and each group's calendar file; only published groups, ever. */
export function registerGroupPages(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => deps.database.db;

  r.get('/groups', { config: access('public'), schema: { hide: true } }, async (_req, reply) => {
    const groups = await listGroups(db(), { publishedOnly: true });
    return sendPage(reply, 200, groupsPage(groups, await profilesById(db()), deps.clock()));
  });

  // One route for the page and its calendar: "/groups/evening-group.ics" is the same group's file.
  r.get(
    '/groups/:slug',
    {
      config: access('public'),
      schema: { hide: true, params: z.object({ slug: z.string().max(90) }) },
    },
    async (req, reply) => {
      const asked = req.params.slug;
      const calendar = asked.endsWith('.ics');
      const slug = calendar ? asked.slice(0, -'.ics'.length) : asked;
      const g = slugPattern.test(slug) ? await findGroupBySlug(db(), slug) : undefined;
      if (!g?.published) return sendPage(reply, 404, notFoundPage());
      const profiles = await profilesById(db());
      if (!calendar) return sendPage(reply, 200, groupPage(g, profiles, deps.clock()));
      const facilitator = g.facilitatorId ? (profiles.get(g.facilitatorId)?.name ?? null) : null;
      const body = groupCalendar(g, {
        host: new URL(deps.config.publicOrigin).host,
        pageUrl: `${deps.config.publicOrigin}/groups/${g.slug}`,
        facilitator,
        practice: t('app.name'),
      });
      return reply
        .code(200)
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${g.slug}.ics"`)
        .header('cache-control', 'no-cache')
        .send(body);
    },
  );
}
