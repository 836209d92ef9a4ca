import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  filterFromQuery,
  filterProfiles,
  isFiltered,
  type DirectoryFilter,
} from '../../../core/directory/filter.js';
import {
  approaches,
  formats,
  languageName,
  primaryLanguage,
  slugPattern,
} from '../../../core/directory/profile.js';
import { t } from '../../../shared/i18n/messages.js';
import type { Deps } from '../../deps.js';
import { access } from '../../http/access.js';
import { html, layout, raw, type Html } from '../../pages/html.js';
import { notFoundPage } from '../../pages/not-found.js';
import {
  findProfileBySlug,
  findPublishedPhoto,
  listProfiles,
  type StoredProfile,
} from './directory.store.js';
import { photoUrlOf } from './directory.service.js';

const approachLabel = (a: (typeof approaches)[number]) => t(`directory.approach.${a}`);
const formatLabel = (f: (typeof formats)[number]) => t(`directory.format.${f}`);

/** Paragraphs from plain text: a blank line starts a new one. */
export const paragraphs = (text: string): Html =>
  html`${text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => html`<p>${p}</p>`)}`;

const sessionsLine = (p: StoredProfile): string | null =>
  p.online && p.inPerson
    ? t('directory.sessions.both')
    : p.online
      ? t('directory.sessions.online')
      : p.inPerson
        ? t('directory.sessions.inPerson')
        : null;

const joinList = (items: string[]): string =>
  new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(items);

const checked = (on: boolean) => (on ? raw(' checked') : raw(''));

function radioGroup(
  name: string,
  legend: string,
  options: readonly { value: string; label: string }[],
  current: string | undefined,
): Html {
  return html`<fieldset>
    <legend>${legend}</legend>
    <div class="choices compact">
      ${[{ value: '', label: t('directory.filter.any') }, ...options].map(
        (o) =>
          html`<label class="choice"
            ><input
              type="radio"
              name="${name}"
              value="${o.value}"
              ${checked((current ?? '') === o.value)}
            /><span class="choice-title">${o.label}</span></label
          >`,
      )}
    </div>
  </fieldset>`;
}

function filterForm(f: DirectoryFilter, languages: string[]): Html {
  const box = (name: keyof DirectoryFilter, label: string) =>
    html`<label class="choice"
      ><input type="checkbox" name="${name}" value="yes" ${checked(f[name] === true)} /><span
        class="choice-title"
        >${label}</span
      ></label
    >`;
  return html`<form method="get" action="/directory" class="form directory-filter">
    <h2>${t('directory.filter.title')}</h2>
    ${radioGroup(
      'format',
      t('directory.filter.format'),
      formats.map((x) => ({ value: x, label: formatLabel(x) })),
      f.format,
    )}
    ${radioGroup(
      'approach',
      t('directory.filter.approach'),
      approaches.map((x) => ({ value: x, label: approachLabel(x) })),
      f.approach,
    )}
    <fieldset>
      <legend>${t('directory.filter.more')}</legend>
      <div class="choices">
        ${box('betrayal', t('directory.filter.betrayal'))}
        ${box('online', t('directory.filter.online'))}
        ${box('inPerson', t('directory.filter.inPerson'))}
        ${box('accepting', t('directory.filter.accepting'))}
      </div>
    </fieldset>
    <div class="field">
      <label for="directory-language">${t('directory.filter.language')}</label>
      <select id="directory-language" name="language">
        <option value="">${t('directory.filter.anyLanguage')}</option>
        ${languages.map(
          (l) =>
            html`<option value="${l}" ${f.language === l ? raw(' selected') : raw('')}>
              ${languageName(l)}
            </option>`,
        )}
      </select>
    </div>
    <p class="actions">
      <button type="submit" class="button primary">${t('directory.filter.apply')}</button>
      <a class="button" href="/directory">${t('directory.filter.clear')}</a>
    </p>
  </form>`;
}

function card(p: StoredProfile): Html {
  const facts = [
    p.formats.length > 0 ? joinList(p.formats.map(formatLabel)) : null,
    sessionsLine(p),
    p.accepting ? t('directory.accepting') : t('directory.notAccepting'),
  ].filter((x): x is string => x !== null);
  return html`<li>
    <h3><a href="/directory/${p.slug}">${p.name}</a></h3>
    ${p.title ? html`<p>${p.title}</p>` : ''}
    <p class="small">${facts.join(' · ')}</p>
  </li>`;
}

/** The directory's list page for a filter (exported for the tests' own reading of it). */
export function directoryPage(all: StoredProfile[], f: DirectoryFilter): string {
  const shown = filterProfiles(all, f);
  const languages = [...new Set(all.flatMap((p) => p.languages.map(primaryLanguage)))].sort(
    (a, b) => languageName(a).localeCompare(languageName(b)),
  );
  const results =
    all.length === 0
      ? html`<p class="empty">${t('directory.noneListed')}</p>
          <p><a href="/intake">${t('directory.askPractice')}</a></p>`
      : shown.length === 0
        ? html`<div class="empty">
            <p>${t('directory.noMatch')}</p>
            <p><a class="button" href="/directory">${t('directory.filter.clear')}</a></p>
          </div>`
        : html`<ul class="card-list">
            ${shown.map(card)}
          </ul>`;
  return layout({
    title: t('directory.title'),
    description: t('directory.intro'),
    current: '/directory',
    body: html`<h1>${t('directory.title')}</h1>
      <p class="lede">${t('directory.intro')}</p>
      ${all.length > 0 ? filterForm(f, languages) : ''}
      <section aria-labelledby="directory-results">
        <h2 id="directory-results">
          ${
            isFiltered(f)
              ? t('directory.matching', { count: shown.length })
              : t('directory.everyone', { count: shown.length })
          }
        </h2>
        ${results}
      </section>`,
  });
}

export function profilePage(p: StoredProfile): string {
  const photo = photoUrlOf(p);
  const sessions = sessionsLine(p);
  const row = (term: string, value: string | null) =>
    value
      ? html`<dt>${term}</dt>
          <dd>${value}</dd>`
      : '';
  return layout({
    title: p.name,
    description: p.title || t('directory.title'),
    current: '/directory',
    body: html`<article class="therapist-profile">
      <h1>${p.name}</h1>
      ${p.title ? html`<p class="lede">${p.title}</p>` : ''}
      ${
        photo
          ? html`<img
              class="therapist-photo"
              src="${photo}"
              alt="${t('directory.photoAlt', { name: p.name })}"
              width="240"
            />`
          : ''
      }
      ${
        p.bio
          ? html`<h2>${t('directory.about')}</h2>
              <div class="prose">${paragraphs(p.bio)}</div>`
          : ''
      }
      <h2>${t('directory.howTheyWork')}</h2>
      <dl class="summary-list">
        ${row(
          t('directory.filter.approach'),
          p.approaches.length ? joinList(p.approaches.map(approachLabel)) : null,
        )}
        ${row(t('directory.filter.format'), p.formats.length ? joinList(p.formats.map(formatLabel)) : null)}
        ${row(t('directory.sessions'), sessions)}
        ${row(
          t('directory.filter.language'),
          p.languages.length ? joinList(p.languages.map((l) => languageName(l))) : null,
        )}
        ${row(
          t('directory.betrayal'),
          p.betrayalExperience ? t('directory.betrayalYes') : t('directory.betrayalNo'),
        )}
      </dl>
      <h2>${t('directory.availability')}</h2>
      ${p.availability ? paragraphs(p.availability) : ''}
      <p>${p.accepting ? t('directory.accepting') : t('directory.notAccepting')}</p>
      <h2>${t('directory.getInTouch')}</h2>
      <p>
        <a class="button primary" href="/intake?therapist=${p.slug}"
          >${t('directory.intake', { name: p.name })}</a
        >
      </p>
      <p>${t('directory.alreadyClient', { name: p.name })}</p>
      <p><a href="/directory">${t('directory.back')}</a></p>
    </article>`,
  });
}

const sendPage = (reply: FastifyReply, status: number, page: string) =>
  reply
    .code(status)
    .type('text/html; charset=utf-8')
    // Profiles change (and are unpublished) at any time: always asked afresh.
    .header('cache-control', 'no-cache')
    .send(page);

/**
 * The public directory: server-rendered, readable and filterable with JavaScript off (the filter
 * is a plain GET form), only ever showing published profiles.
 */
export function registerDirectoryPages(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => deps.database.db;
  const slugParams = z.object({ slug: z.string().max(80) });

  r.get('/directory', { config: access('public'), schema: { hide: true } }, async (req, reply) => {
    const all = await listProfiles(db(), { publishedOnly: true });
    const f = filterFromQuery((req.query ?? {}) as Record<string, unknown>);
    return sendPage(reply, 200, directoryPage(all, f));
  });

  r.get(
    '/directory/:slug',
    { config: access('public'), schema: { hide: true, params: slugParams } },
    async (req, reply) => {
      const p = slugPattern.test(req.params.slug)
        ? await findProfileBySlug(db(), req.params.slug)
        : undefined;
      if (!p?.published) return sendPage(reply, 404, notFoundPage());
      return sendPage(reply, 200, profilePage(p));
    },
  );

  r.get(
    '/directory/:slug/photo',
    { config: access('public'), schema: { hide: true, params: slugParams } },
    async (req, reply) => {
      const photo = slugPattern.test(req.params.slug)
        ? await findPublishedPhoto(db(), req.params.slug)
        : undefined;
      if (!photo) return sendPage(reply, 404, notFoundPage());
      return (
        reply
          .code(200)
          .type(photo.type)
          // The address carries the photo's version, so a new photo is a new address.
          .header('cache-control', 'public, max-age=31536000, immutable')
          .send(Buffer.from(photo.base64, 'base64'))
      );
    },
  );
}
