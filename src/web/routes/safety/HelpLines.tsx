import type { CrisisCountry } from '../../../core/crisis/resources.js';
import { t } from '../../../shared/i18n/messages.js';
import { useCrisisLines } from '../../api/queries.js';

/**
 * The person's country's emergency number first, then its lines (abuse lines first when asked),
 * with a full-page link to every country. Without a country, the link alone.
 */
export function HelpLines({
  country,
  abuseFirst = false,
  headingLevel = 2,
}: {
  country: string | null;
  abuseFirst?: boolean;
  headingLevel?: 2 | 3;
}) {
  const crisis = useCrisisLines();
  const found: CrisisCountry | undefined = crisis.data?.countries.find((c) => c.code === country);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const lines = found
    ? [...found.lines].sort((a, b) =>
        abuseFirst ? Number(b.kind === 'abuse') - Number(a.kind === 'abuse') : 0,
      )
    : [];
  return (
    <section className="panel help-lines" aria-labelledby="help-lines">
      <Heading id="help-lines">{t('safety.talkTitle')}</Heading>
      <p>{t('safety.talkText')}</p>
      {found ? (
        <ul className="lines">
          <li>
            <a href={found.emergency.href}>
              {found.emergency.name}: {found.emergency.number}
            </a>
          </li>
          {lines.map((line) => (
            <li key={line.name}>
              <a href={line.href}>{line.name}</a> — {line.text}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href={country ? `/help?country=${country}` : '/help'}>{t('safety.allLines')}</a>
      </p>
    </section>
  );
}
