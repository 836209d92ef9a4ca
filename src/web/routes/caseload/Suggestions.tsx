import { t } from '../../../shared/i18n/messages.js';
import { useAnnounce } from '../../app/announcer.js';
import { ErrorLine } from '../../components/form.js';
import { formatDate } from '../labels.js';
import { useMySuggestions, useSetAside } from './api.js';

/** Today's gentle block: what a therapist suggested, no deadline, and a way to set it aside. */
export function TherapistSuggestions() {
  const mine = useMySuggestions(true);
  const setAside = useSetAside();
  const announce = useAnnounce();
  const items = mine.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="today-suggestions">
      <h2 id="today-suggestions">{t('suggestions.title')}</h2>
      <p>{t('suggestions.lede')}</p>
      <ul className="plain-list">
        {items.map((s) => (
          <li key={s.id}>
            <p>
              <a href={s.href}>{t('suggestions.open', { title: s.title })}</a>
            </p>
            {s.note ? <p dir="auto">{s.note}</p> : null}
            <p className="hint">
              {t('suggestions.from', { name: s.therapistName, date: formatDate(s.createdAt) })}
            </p>
            <p className="actions">
              <button
                type="button"
                className="button"
                disabled={setAside.isPending}
                onClick={() =>
                  setAside.mutate(s.id, {
                    onSuccess: () => announce(t('suggestions.setAsideDone')),
                  })
                }
              >
                {t('suggestions.setAside')}
              </button>
            </p>
          </li>
        ))}
      </ul>
      <ErrorLine error={setAside.error} />
    </section>
  );
}
