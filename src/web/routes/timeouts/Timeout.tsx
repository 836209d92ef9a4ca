import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { TIMEOUT_MAX_MINUTES, TIMEOUT_MIN_MINUTES } from '../../../core/timeouts/timeout.js';
import type { Timeout, TimeoutCreateBody } from '../../../shared/api/timeouts.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/announcer.js';
import { Choices } from '../../components/choices.js';
import { ErrorSummary, problemOf } from '../../components/form.js';

export const timeoutKeys = { current: ['timeouts', 'current'] as const };

// The viewer's own locale and time zone: "21:30" or "9:30 PM", as their phone shows times.
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  hour: 'numeric',
  minute: '2-digit',
});

/** "21:30" today, "Tuesday 09:00" on another day. */
export function formatReturn(until: number, now: number): string {
  const sameDay = new Date(until).toDateString() === new Date(now).toDateString();
  return (sameDay ? timeOnly : dayAndTime).format(new Date(until));
}

/**
 * The running time-out, if any. It stops showing at its return time even between two reads, and
 * is read again every minute so that one called or ended by the partner shows up.
 */
export function useCurrentTimeout(enabled = true) {
  const query = useQuery({
    queryKey: timeoutKeys.current,
    queryFn: () => call(endpoints.timeouts.current),
    enabled,
    staleTime: 0,
    refetchInterval: 60_000,
  });
  const [now, setNow] = useState(() => Date.now());
  const timeout = query.data?.timeout ?? null;
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    if (!timeout) return;
    const timer = setTimeout(tick, Math.max(0, Math.min(timeout.until - Date.now(), 2 ** 30)));
    return () => clearTimeout(timer);
  }, [timeout]);
  return { query, now, running: timeout && timeout.until > now ? timeout : null };
}

function Running({ timeout, now }: { timeout: Timeout; now: number }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const time = formatReturn(timeout.until, now);
  const end = useMutation({
    mutationFn: () => call(endpoints.timeouts.end, { params: { id: timeout.id ?? '' } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: timeoutKeys.current });
      announce(t('timeouts.endedDone'));
    },
  });
  if (!timeout.mine) {
    return (
      <>
        <p>
          <strong>{t('timeouts.until', { time })}</strong>
        </p>
        <p>{t('timeouts.prompt', { time })}</p>
      </>
    );
  }
  return (
    <>
      <p>
        <strong>{t('timeouts.yours', { time })}</strong>
      </p>
      <p>{t('timeouts.yoursPrompt')}</p>
      {end.error ? (
        <p className="field-error" role="alert">
          {problemOf(end.error).detail}
        </p>
      ) : null}
      <p className="actions">
        <button
          type="button"
          className="button"
          disabled={end.isPending}
          onClick={() => end.mutate()}
        >
          {t('timeouts.end')}
        </button>
      </p>
    </>
  );
}

/** On Today, for both partners: the running time-out and its kind prompt, or nothing at all. */
export function TimeoutStatus() {
  const { running, now } = useCurrentTimeout();
  if (!running) return null;
  return (
    <section className="panel" aria-labelledby="timeout-heading">
      <h2 id="timeout-heading">{t('timeouts.title')}</h2>
      <Running timeout={running} now={now} />
    </section>
  );
}

type Choice = 'm20' | 'h1' | 'h2' | 'later';
const EVENING_HOUR = 21;
const MORNING_HOUR = 9;

/** Minutes from now until the next time the clock shows `hour`:00, within a time-out's range. */
function minutesUntilHour(now: number, hour: number): number {
  const target = new Date(now);
  target.setHours(hour, 0, 0, 0);
  if (target.getTime() <= now) target.setDate(target.getDate() + 1);
  const minutes = Math.ceil((target.getTime() - now) / 60_000);
  return Math.min(TIMEOUT_MAX_MINUTES, Math.max(TIMEOUT_MIN_MINUTES, minutes));
}

/** The "later" choice: this evening while there is still time before it, else tomorrow morning. */
function laterChoice(now: number): { minutes: number; label: string } {
  const evening = minutesUntilHour(now, EVENING_HOUR);
  const time = (minutes: number) => timeOnly.format(new Date(now + minutes * 60_000));
  if (new Date(now).getHours() < EVENING_HOUR - 1 && evening > TIMEOUT_MIN_MINUTES) {
    return { minutes: evening, label: t('timeouts.choice.evening', { time: time(evening) }) };
  }
  const morning = minutesUntilHour(now, MORNING_HOUR);
  return { minutes: morning, label: t('timeouts.choice.morning', { time: time(morning) }) };
}

function CallForm({ partner, now }: { partner: string; now: number }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [choice, setChoice] = useState<Choice>('m20');
  const later = laterChoice(now);
  const fixed = { m20: 20, h1: 60, h2: 120 } as const;
  const calling = useMutation({
    mutationFn: (body: TimeoutCreateBody) => call(endpoints.timeouts.call, { body }),
    onSuccess: async (timeout) => {
      await client.invalidateQueries({ queryKey: timeoutKeys.current });
      announce(t('timeouts.calledDone', { time: formatReturn(timeout.until, Date.now()) }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Worked out at the moment of calling: the screen may have been open for a while.
    calling.mutate({
      minutes: choice === 'later' ? laterChoice(Date.now()).minutes : fixed[choice],
    });
  };
  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary error={calling.error} />
      <Choices
        type="radio"
        name="timeout-length"
        legend={t('timeouts.legend')}
        hint={t('timeouts.hint')}
        options={[
          { value: 'm20', label: t('timeouts.choice.m20') },
          { value: 'h1', label: t('timeouts.choice.h1') },
          { value: 'h2', label: t('timeouts.choice.h2') },
          { value: 'later', label: later.label },
        ]}
        isChecked={(v) => v === choice}
        onToggle={(v, checked) => {
          if (checked) setChoice(v);
        }}
        compact
      />
      <p className="small">{t('timeouts.privacy', { name: partner })}</p>
      <p className="actions">
        <button type="submit" className="button primary" disabled={calling.isPending}>
          {t('timeouts.call')}
        </button>
      </p>
    </form>
  );
}

/**
 * On Together: an agreed time-out. Either partner pauses a hard conversation until a set time;
 * the other sees only when it ends, never why.
 */
export function TimeoutPanel({ partner }: { partner: string }) {
  const { query, running, now } = useCurrentTimeout();
  return (
    <section className="panel" aria-labelledby="timeout-heading">
      <h2 id="timeout-heading">{t('timeouts.title')}</h2>
      {query.isError ? (
        <p>{problemOf(query.error).detail}</p>
      ) : running ? (
        <Running timeout={running} now={now} />
      ) : query.isPending ? null : (
        <>
          <p>{t('timeouts.intro')}</p>
          <CallForm partner={partner} now={now} />
        </>
      )}
    </section>
  );
}
