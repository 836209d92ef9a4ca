import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { CrisisCountry } from '../../../core/crisis/resources.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { keys, useCrisisLines, type SessionState } from '../../api/queries.js';
import { Loading } from '../../app/Shell.js';
import { problemOf } from '../../components/form.js';

/** A crisis screen opens at its top (not where the answers' form was scrolled), numbers in view. */
export function useOpenAtTop(): void {
  // A block body: newer browsers return a promise from scrollTo, which React would take for a cleanup.
  useEffect(() => {
    window.scrollTo({ top: 0, behavior: 'instant' });
  }, []);
}

/**
 * What a crisis screen puts first: the emergency number and the lines of the person's country (or,
 * until they choose one, the practice's default), then a one-tap choice of another country that
 * swaps the numbers in place and keeps the choice. Callers put their words after this.
 */
export function HelpLines({
  country,
  first,
  headingLevel = 2,
}: {
  country: string | null;
  /** Which lines lead: abuse lines after a "yes" to the safety check, crisis lines otherwise. */
  first: 'crisis' | 'abuse';
  headingLevel?: 2 | 3;
}) {
  const client = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const crisis = useCrisisLines();
  // undefined: nothing picked here yet; null: "somewhere else".
  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  const save = useMutation({
    mutationFn: (code: string | null) =>
      call(endpoints.safety.country, { body: { country: code } }),
    onSuccess: (_r, code) => {
      client.setQueryData<SessionState>(keys.session, (s) =>
        s?.user ? { ...s, user: { ...s.user, country: code } } : s,
      );
    },
  });

  if (crisis.isPending) return <Loading />;
  if (crisis.isError) {
    // The server page needs neither this request nor script: it is the way when this fails.
    return (
      <p>
        <a className="call" href="/help">
          {t('safety.allLines')}
        </a>
      </p>
    );
  }
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const code = picked !== undefined ? picked : (country ?? crisis.data.defaultCountry);
  const found: CrisisCountry | undefined = crisis.data.countries.find((c) => c.code === code);
  const lines = found
    ? [...found.lines].sort((a, b) => Number(b.kind === first) - Number(a.kind === first))
    : [];
  const choose = (next: string | null) => {
    setPicked(next);
    save.mutate(next);
    // The new numbers are read out and scrolled into view, from wherever the tap was.
    requestAnimationFrame(() => heading.current?.focus());
  };

  return (
    <section className="crisis-country help-lines" aria-labelledby="help-lines">
      {found ? (
        <>
          <Heading id="help-lines" ref={heading} tabIndex={-1}>
            {t('crisisLines.title', { country: found.name })}
          </Heading>
          <p className="emergency">
            <a className="call" href={found.emergency.href}>
              {found.emergency.name}: {found.emergency.number}
            </a>
            {found.emergency.note ? (
              <>
                <br />
                <span className="note">{found.emergency.note}</span>
              </>
            ) : null}
          </p>
          <ul className="lines">
            {lines.map((line) => (
              <li key={line.name}>
                <a className="call" href={line.href}>
                  {line.name}: {line.number}
                </a>
                <br />
                <span className="small">
                  {t(line.kind === 'crisis' ? 'help.kind.crisis' : 'help.kind.abuse')}.
                  {/* The link says the number; only a way to text it adds anything. */}
                  {line.text === `Call ${line.number}` ? null : ` ${line.text}.`}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <Heading id="help-lines" ref={heading} tabIndex={-1}>
            {t('help.anywhereElse')}
          </Heading>
          <p className="emergency">{t('help.anywhereElseText')}</p>
        </>
      )}
      <div className="country-choice" role="group" aria-labelledby="country-choice">
        <p id="country-choice">{found ? t('crisisLines.elsewhere') : t('crisisLines.choose')}</p>
        <ul>
          {crisis.data.countries.map((c) => (
            <li key={c.code}>
              <button
                type="button"
                className="button quiet"
                aria-pressed={c === found}
                onClick={() => choose(c.code)}
              >
                {c.name}
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="button quiet"
              aria-pressed={!found}
              onClick={() => choose(null)}
            >
              {t('settings.countryNone')}
            </button>
          </li>
        </ul>
        {save.error ? (
          <p className="field-error" role="alert">
            {problemOf(save.error).detail}
          </p>
        ) : null}
      </div>
      <p>
        <a href={found ? `/help?country=${found.code}` : '/help'}>{t('safety.allLines')}</a>
      </p>
    </section>
  );
}
