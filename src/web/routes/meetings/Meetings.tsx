import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import {
  agendaParts,
  DURATION_DEFAULT_MINUTES,
  DURATION_MAX_MINUTES,
  DURATION_MIN_MINUTES,
  ITEM_TEXT_MAX,
  meetingFrequencies,
  NOTE_TEXT_MAX,
  PAUSE_MIN_MINUTES,
  weekdays,
  type AgendaPart,
} from '../../../core/meetings/meeting.js';
import type {
  MeetingItem,
  MeetingPage,
  MeetingScheduleBody,
  MeetingView,
} from '../../../shared/api/meetings.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { useJourney, useSafety } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { useKeptText } from '../../app/kept-words.js';
import { Loading, useMe } from '../../app/Shell.js';
import { Choices } from '../../components/choices.js';
import { EmptyState } from '../../components/EmptyState.js';
import {
  describedBy,
  ErrorLine,
  ErrorSummary,
  FieldError,
  fieldErrorsOf,
  problemOf,
} from '../../components/form.js';
import { Page } from '../../components/Page.js';
import { ToneHelper } from '../../components/ToneHelper.js';
import { formatCount, formatDate } from '../labels.js';
import { timeoutKeys, TimeoutStatus, useCurrentTimeout } from '../timeouts/Timeout.js';
import {
  formatMeeting,
  meetingKeys,
  partHint,
  partLabel,
  timeZones,
  useMeetingHistory,
  useMeetingPage,
  weekdayName,
} from './queries.js';
import { ts } from '../../../shared/i18n/steps.js';

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: meetingKeys.all });
}

function ScheduleForm({ page, onDone }: { page: MeetingPage; onDone?: () => void }) {
  const announce = useAnnounce();
  const refresh = useRefresh();
  const s = page.schedule;
  const zones = timeZones();
  const [form, setForm] = useState<Required<MeetingScheduleBody>>({
    weekday: s?.weekday ?? 7,
    time: s?.time ?? '19:00',
    timeZone: s?.timeZone ?? zones[0] ?? 'UTC',
    durationMinutes: s?.durationMinutes ?? DURATION_DEFAULT_MINUTES,
    frequency: s?.frequency ?? 'weekly',
  });
  const save = useMutation({
    mutationFn: () => call(endpoints.meetings.schedule, { body: form }),
    onSuccess: async () => {
      await refresh();
      announce(ts('meetings.schedule.saved'));
      onDone?.();
    },
  });
  const errors = fieldErrorsOf(save.error);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="form stack" noValidate onSubmit={submit}>
      <ErrorSummary
        error={save.error}
        fieldIds={{
          weekday: 'meeting-weekday',
          time: 'meeting-time',
          timeZone: 'meeting-zone',
          durationMinutes: 'meeting-duration',
          frequency: 'meeting-frequency-weekly',
        }}
      />
      <div className="field">
        <label htmlFor="meeting-weekday">{ts('meetings.schedule.weekday')}</label>
        <select
          id="meeting-weekday"
          value={form.weekday}
          aria-describedby={describedBy(errors.weekday && 'meeting-weekday-error')}
          onChange={(e) => set('weekday', Number(e.target.value))}
        >
          {weekdays.map((d) => (
            <option key={d} value={d}>
              {weekdayName(d)}
            </option>
          ))}
        </select>
        <FieldError id="meeting-weekday-error">{errors.weekday}</FieldError>
      </div>
      <div className="field">
        <label htmlFor="meeting-time">{ts('meetings.schedule.time')}</label>
        <input
          id="meeting-time"
          type="time"
          value={form.time}
          aria-invalid={errors.time ? true : undefined}
          aria-describedby={describedBy(errors.time && 'meeting-time-error')}
          onChange={(e) => set('time', e.target.value)}
        />
        <FieldError id="meeting-time-error">{errors.time}</FieldError>
      </div>
      <div className="field">
        <label htmlFor="meeting-zone">{ts('meetings.schedule.zone')}</label>
        <span id="meeting-zone-hint" className="hint">
          {ts('meetings.schedule.zoneHint')}
        </span>
        <select
          id="meeting-zone"
          value={form.timeZone}
          aria-invalid={errors.timeZone ? true : undefined}
          aria-describedby={describedBy(
            'meeting-zone-hint',
            errors.timeZone && 'meeting-zone-error',
          )}
          onChange={(e) => set('timeZone', e.target.value)}
        >
          {(zones.includes(form.timeZone) ? zones : [form.timeZone, ...zones]).map((z) => (
            <option key={z} value={z}>
              {z.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        <FieldError id="meeting-zone-error">{errors.timeZone}</FieldError>
      </div>
      <div className="field">
        <label htmlFor="meeting-duration">{ts('meetings.schedule.duration')}</label>
        <span id="meeting-duration-hint" className="hint">
          {ts('meetings.schedule.durationHint', {
            min: DURATION_MIN_MINUTES,
            max: DURATION_MAX_MINUTES,
          })}
        </span>
        <input
          id="meeting-duration"
          type="number"
          inputMode="numeric"
          min={DURATION_MIN_MINUTES}
          max={DURATION_MAX_MINUTES}
          step={5}
          value={form.durationMinutes}
          aria-invalid={errors.durationMinutes ? true : undefined}
          aria-describedby={describedBy(
            'meeting-duration-hint',
            errors.durationMinutes && 'meeting-duration-error',
          )}
          onChange={(e) => set('durationMinutes', Number(e.target.value))}
        />
        <FieldError id="meeting-duration-error">{errors.durationMinutes}</FieldError>
      </div>
      <Choices
        type="radio"
        name="meeting-frequency"
        legend={ts('meetings.schedule.frequency')}
        error={errors.frequency}
        options={meetingFrequencies.map((f) => ({
          value: f,
          label: ts(`meetings.schedule.frequency.${f}`),
        }))}
        isChecked={(v) => v === form.frequency}
        onToggle={(v, checked) => {
          if (checked) set('frequency', v);
        }}
        compact
      />
      <p className="actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {ts('meetings.schedule.save')}
        </button>
        {onDone ? (
          <button type="button" className="button" onClick={onDone}>
            {ts('meetings.cancel')}
          </button>
        ) : null}
      </p>
    </form>
  );
}

function ScheduleSection({ page, partner }: { page: MeetingPage; partner: string }) {
  const [editing, setEditing] = useState(false);
  const s = page.schedule;
  return (
    <section className="panel stack" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">{ts('meetings.schedule.title')}</h2>
      {s && !editing ? (
        <>
          <p>
            {ts(
              s.frequency === 'weekly'
                ? 'meetings.schedule.summaryWeekly'
                : 'meetings.schedule.summaryFortnightly',
              {
                day: weekdayName(s.weekday),
                time: s.time,
                zone: s.timeZone.replaceAll('_', ' '),
              },
            )}{' '}
            {ts('meetings.schedule.length', { count: s.durationMinutes })}
          </p>
          <p className="small">
            {s.setByMe
              ? ts('meetings.schedule.setByMe')
              : ts('meetings.schedule.setByPartner', { name: partner })}
          </p>
          <p className="actions">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {ts('meetings.schedule.change')}
            </button>
          </p>
        </>
      ) : (
        <>
          <p>{ts('meetings.schedule.intro', { name: partner })}</p>
          <ScheduleForm page={page} {...(s ? { onDone: () => setEditing(false) } : {})} />
        </>
      )}
    </section>
  );
}

function ItemRow({ item, editable }: { item: MeetingItem; editable: boolean }) {
  const announce = useAnnounce();
  const refresh = useRefresh();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.text);
  const change = useMutation({
    mutationFn: (body: { text: string; bring: boolean }) =>
      call(endpoints.meetings.changeItem, {
        params: { id: item.id },
        body: { part: item.part, ...body },
      }),
    meta: { keepsUnsavedText: true },
    onSuccess: async (changed) => {
      setEditing(false);
      await refresh();
      announce(
        changed.text !== item.text
          ? ts('meetings.item.changed')
          : ts(changed.bring ? 'meetings.item.bringing' : 'meetings.item.keeping'),
      );
    },
  });
  const remove = useMutation({
    mutationFn: () => call(endpoints.meetings.removeItem, { params: { id: item.id } }),
    onSuccess: async () => {
      await refresh();
      announce(ts('meetings.item.removed'));
    },
  });
  const errors = fieldErrorsOf(change.error);
  if (editing) {
    return (
      <li>
        <form
          className="form stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ text, bring: item.bring });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-edit`}>{ts('meetings.item.editLabel')}</label>
            <textarea
              dir="auto"
              id={`${id}-edit`}
              rows={3}
              value={text}
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={describedBy(errors.text && `${id}-edit-error`)}
              onChange={(e) => setText(e.target.value)}
            />
            <FieldError id={`${id}-edit-error`}>{errors.text}</FieldError>
            <ToneHelper text={text} />
          </div>
          <ErrorLine error={errors.text ? null : change.error} />
          <p className="actions">
            <button type="submit" className="button primary" disabled={change.isPending}>
              {ts('meetings.item.save')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              {ts('meetings.cancel')}
            </button>
          </p>
        </form>
      </li>
    );
  }
  return (
    <li className="stack">
      <p id={`${id}-text`} className="note-text" dir="auto">
        {item.text}
      </p>
      {item.mine ? (
        <p className="small">
          {item.bring ? ts('meetings.item.brought') : ts('meetings.item.private')}
        </p>
      ) : null}
      {editable && item.mine ? (
        <>
          <p className="actions">
            <button
              type="button"
              className="button"
              aria-describedby={`${id}-text`}
              disabled={change.isPending}
              onClick={() => change.mutate({ text: item.text, bring: !item.bring })}
            >
              {item.bring ? ts('meetings.item.keep') : ts('meetings.item.bring')}
            </button>
            <button
              type="button"
              className="button"
              aria-describedby={`${id}-text`}
              onClick={() => {
                change.reset();
                setText(item.text);
                setEditing(true);
              }}
            >
              {ts('meetings.item.edit')}
            </button>
            <button
              type="button"
              className="button"
              aria-describedby={`${id}-text`}
              disabled={remove.isPending}
              onClick={() => remove.mutate()}
            >
              {ts('meetings.item.remove')}
            </button>
          </p>
          <ErrorLine error={change.error ?? remove.error} />
        </>
      ) : null}
    </li>
  );
}

function PrepareForm() {
  const me = useMe();
  const announce = useAnnounce();
  const refresh = useRefresh();
  const [part, setPart] = useState<AgendaPart>('appreciation');
  const [text, setText] = useKeptText('meeting-item', me.id);
  const [bring, setBring] = useState(true);
  const add = useMutation({
    mutationFn: () => call(endpoints.meetings.addItem, { body: { part, text, bring } }),
    meta: { keepsUnsavedText: true },
    onSuccess: async () => {
      setText('');
      await refresh();
      announce(ts('meetings.prepare.added'));
    },
  });
  const errors = fieldErrorsOf(add.error);
  return (
    <form
      className="form stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <ErrorSummary
        error={add.error}
        fieldIds={{ text: 'meeting-item-text', part: 'meeting-part-appreciation' }}
      />
      <Choices
        type="radio"
        name="meeting-part"
        legend={ts('meetings.prepare.part')}
        error={errors.part}
        options={agendaParts.map((p) => ({ value: p, label: partLabel(p), text: partHint(p) }))}
        isChecked={(v) => v === part}
        onToggle={(v, checked) => {
          if (checked) setPart(v);
        }}
      />
      <div className="field">
        <label htmlFor="meeting-item-text">{ts('meetings.prepare.text')}</label>
        <span id="meeting-item-hint" className="hint">
          {ts('meetings.prepare.textHint', { max: formatCount(ITEM_TEXT_MAX) })}
        </span>
        <textarea
          dir="auto"
          id="meeting-item-text"
          rows={3}
          value={text}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={describedBy('meeting-item-hint', errors.text && 'meeting-item-error')}
          onChange={(e) => setText(e.target.value)}
        />
        <FieldError id="meeting-item-error">{errors.text}</FieldError>
        <ToneHelper text={text} />
      </div>
      <Choices
        type="checkbox"
        name="meeting-item-bring"
        legend={ts('meetings.prepare.bringLegend')}
        hint={ts('meetings.prepare.bringHint')}
        options={[{ value: 'bring', label: ts('meetings.prepare.bring') }]}
        isChecked={() => bring}
        onToggle={(_, checked) => setBring(checked)}
      />
      <p className="actions">
        <button type="submit" className="button primary" disabled={add.isPending}>
          {ts('meetings.prepare.add')}
        </button>
      </p>
    </form>
  );
}

/** The four parts of the agenda, with what each of us has there. */
function Agenda({
  meeting,
  partner,
  editable,
  level = 3,
}: {
  meeting: MeetingView;
  partner: string;
  editable: boolean;
  level?: 3 | 4;
}) {
  const id = useId();
  const Heading = level === 3 ? 'h3' : 'h4';
  const showsMine = (i: MeetingItem) => meeting.phase === 'upcoming' || editable || i.bring;
  const shown = meeting.mine.filter(showsMine).length + meeting.partners.length;
  return (
    <>
      {agendaParts.map((p) => {
        const mine = meeting.mine.filter((i) => i.part === p && showsMine(i));
        const theirs = meeting.partners.filter((i) => i.part === p);
        if (mine.length + theirs.length === 0) return null;
        return (
          <section key={p} className="stack" aria-labelledby={`${id}-${p}`}>
            <Heading id={`${id}-${p}`}>{partLabel(p)}</Heading>
            {mine.length > 0 ? (
              <>
                <p className="small">{ts('meetings.agenda.mine')}</p>
                <ul className="stack">
                  {mine.map((i) => (
                    <ItemRow key={i.id} item={i} editable={editable} />
                  ))}
                </ul>
              </>
            ) : null}
            {theirs.length > 0 ? (
              <>
                <p className="small">{ts('meetings.agenda.partners', { name: partner })}</p>
                <ul className="stack">
                  {theirs.map((i) => (
                    <ItemRow key={i.id} item={i} editable={false} />
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        );
      })}
      {shown === 0 ? <p>{ts('meetings.agenda.empty')}</p> : null}
    </>
  );
}

/** Ask for a pause: an agreed time-out of at least 20 minutes, until a time the person picks. */
function PauseForm() {
  const client = useQueryClient();
  const announce = useAnnounce();
  const { running } = useCurrentTimeout();
  const [time, setTime] = useState('');
  const [error, setError] = useState<string | undefined>();
  const pause = useMutation({
    mutationFn: (minutes: number) => call(endpoints.timeouts.call, { body: { minutes } }),
    onSuccess: async () => {
      setTime('');
      await client.invalidateQueries({ queryKey: timeoutKeys.current });
      announce(ts('meetings.pause.done'));
    },
  });
  if (running) return <TimeoutStatus />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [h, m] = time.split(':').map(Number);
    if (h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) {
      setError(ts('meetings.pause.needTime'));
      return;
    }
    const now = new Date();
    const back = new Date(now);
    back.setHours(h, m, 0, 0);
    // A time earlier than now is tomorrow's.
    if (back.getTime() <= now.getTime()) back.setDate(back.getDate() + 1);
    const minutes = Math.ceil((back.getTime() - now.getTime()) / 60_000);
    if (minutes < PAUSE_MIN_MINUTES) {
      setError(ts('meetings.pause.tooSoon', { min: PAUSE_MIN_MINUTES }));
      return;
    }
    setError(undefined);
    pause.mutate(minutes);
  };
  return (
    <section className="panel stack" aria-labelledby="pause-heading">
      <h2 id="pause-heading">{ts('meetings.pause.title')}</h2>
      <p>{ts('meetings.pause.intro', { min: PAUSE_MIN_MINUTES })}</p>
      <form className="form stack" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor="meeting-pause-until">{ts('meetings.pause.until')}</label>
          <span id="meeting-pause-hint" className="hint">
            {ts('meetings.pause.hint', { min: PAUSE_MIN_MINUTES })}
          </span>
          <input
            id="meeting-pause-until"
            type="time"
            value={time}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy('meeting-pause-hint', error && 'meeting-pause-error')}
            onChange={(e) => setTime(e.target.value)}
          />
          <FieldError id="meeting-pause-error">{error}</FieldError>
        </div>
        <ErrorLine error={pause.error} />
        <p className="actions">
          <button type="submit" className="button primary" disabled={pause.isPending}>
            {ts('meetings.pause.button')}
          </button>
        </p>
      </form>
    </section>
  );
}

function NoteForm({ meeting, partner }: { meeting: MeetingView; partner: string }) {
  const me = useMe();
  const announce = useAnnounce();
  const refresh = useRefresh();
  const id = useId();
  const [text, setText] = useKeptText(`meeting-note:${meeting.date}`, me.id);
  const [shared, setShared] = useState(meeting.myNote?.shared ?? false);
  const [editing, setEditing] = useState(meeting.myNote === null);
  const save = useMutation({
    mutationFn: () => call(endpoints.meetings.note, { body: { date: meeting.date, text, shared } }),
    meta: { keepsUnsavedText: true },
    onSuccess: async () => {
      setText('');
      setEditing(false);
      await refresh();
      announce(ts('meetings.note.saved'));
    },
  });
  const errors = fieldErrorsOf(save.error);
  return (
    <section className="stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{ts('meetings.note.title')}</h3>
      {meeting.myNote && !editing ? (
        <>
          <p className="note-text" dir="auto">
            {meeting.myNote.text}
          </p>
          <p className="small">
            {meeting.myNote.shared
              ? ts('meetings.note.sharedWith', { name: partner })
              : ts('meetings.note.private')}
          </p>
          <p className="actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setText(meeting.myNote?.text ?? '');
                setEditing(true);
              }}
            >
              {ts('meetings.note.change')}
            </button>
          </p>
        </>
      ) : (
        <form
          className="form stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <ErrorSummary error={save.error} fieldIds={{ text: `${id}-text` }} />
          <div className="field">
            <label htmlFor={`${id}-text`}>{ts('meetings.note.label')}</label>
            <span id={`${id}-hint`} className="hint">
              {ts('meetings.note.hint', { max: formatCount(NOTE_TEXT_MAX) })}
            </span>
            <textarea
              dir="auto"
              id={`${id}-text`}
              rows={3}
              value={text}
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={describedBy(`${id}-hint`, errors.text && `${id}-error`)}
              onChange={(e) => setText(e.target.value)}
            />
            <FieldError id={`${id}-error`}>{errors.text}</FieldError>
            <ToneHelper text={text} />
          </div>
          <Choices
            type="checkbox"
            name={`${id}-shared`}
            legend={ts('meetings.note.whoLegend')}
            hint={ts('meetings.note.whoHint', { name: partner })}
            options={[{ value: 'shared', label: ts('meetings.note.share', { name: partner }) }]}
            isChecked={() => shared}
            onToggle={(_, checked) => setShared(checked)}
          />
          <p className="actions">
            <button type="submit" className="button primary" disabled={save.isPending}>
              {ts('meetings.note.save')}
            </button>
          </p>
        </form>
      )}
      {meeting.partnerNote ? (
        <>
          <p className="small">{ts('meetings.note.partners', { name: partner })}</p>
          <p className="note-text" dir="auto">
            {meeting.partnerNote.text}
          </p>
        </>
      ) : null}
    </section>
  );
}

function CurrentMeeting({ meeting, partner }: { meeting: MeetingView; partner: string }) {
  const running = meeting.phase === 'running';
  return (
    <section className="panel stack" aria-labelledby="current-heading">
      <h2 id="current-heading">
        {running ? ts('meetings.current.now') : ts('meetings.current.next')}
      </h2>
      <p>
        <time dateTime={new Date(meeting.startsAt).toISOString()}>
          {formatMeeting(meeting.startsAt)}
        </time>
      </p>
      <p>
        {running
          ? ts('meetings.current.runningIntro', { name: partner })
          : ts('meetings.current.prepareIntro', { name: partner })}
      </p>
      <Agenda meeting={meeting} partner={partner} editable />
      <h3>{ts('meetings.prepare.title')}</h3>
      <PrepareForm />
      {running ? <NoteForm meeting={meeting} partner={partner} /> : null}
    </section>
  );
}

function PreviousMeeting({ meeting, partner }: { meeting: MeetingView; partner: string }) {
  return (
    <section className="panel stack" aria-labelledby="previous-heading">
      <h2 id="previous-heading">{ts('meetings.previous.title')}</h2>
      <p>
        <time dateTime={new Date(meeting.startsAt).toISOString()}>
          {formatMeeting(meeting.startsAt)}
        </time>
      </p>
      <Agenda meeting={meeting} partner={partner} editable={false} />
      <NoteForm meeting={meeting} partner={partner} />
    </section>
  );
}

function FeedSection({ page }: { page: MeetingPage }) {
  const announce = useAnnounce();
  const refresh = useRefresh();
  const [url, setUrl] = useState<string | null>(null);
  const make = useMutation({
    mutationFn: () => call(endpoints.meetings.newFeed),
    onSuccess: async (feed) => {
      setUrl(feed.url);
      await refresh();
      announce(ts('meetings.feed.made'));
    },
  });
  const revoke = useMutation({
    mutationFn: () => call(endpoints.meetings.revokeFeed),
    onSuccess: async () => {
      setUrl(null);
      await refresh();
      announce(ts('meetings.feed.revoked'));
    },
  });
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      announce(ts('meetings.feed.copied'));
    } catch {
      document.getElementById('meeting-feed-url')?.focus();
      announce(ts('meetings.feed.copyByHand'));
    }
  };
  return (
    <section className="panel stack" aria-labelledby="feed-heading">
      <h2 id="feed-heading">{ts('meetings.feed.title')}</h2>
      <p>{ts('meetings.feed.intro')}</p>
      <p className="small">{ts('meetings.feed.discreet')}</p>
      {url ? (
        <div className="field">
          <label htmlFor="meeting-feed-url">{ts('meetings.feed.urlLabel')}</label>
          <span id="meeting-feed-url-hint" className="hint">
            {ts('meetings.feed.urlHint')}
          </span>
          <input
            id="meeting-feed-url"
            type="text"
            readOnly
            value={url}
            aria-describedby="meeting-feed-url-hint"
            onFocus={(e) => e.target.select()}
          />
          <p className="actions">
            <button type="button" className="button" onClick={() => void copy()}>
              {ts('meetings.feed.copy')}
            </button>
          </p>
        </div>
      ) : page.feed.on && page.feed.createdAt !== null ? (
        <p>{ts('meetings.feed.on', { date: formatDate(page.feed.createdAt) })}</p>
      ) : (
        <p>{ts('meetings.feed.off')}</p>
      )}
      <ErrorLine error={make.error ?? revoke.error} />
      <p className="actions">
        <button
          type="button"
          className="button"
          disabled={make.isPending}
          onClick={() => make.mutate()}
        >
          {page.feed.on ? ts('meetings.feed.renew') : ts('meetings.feed.make')}
        </button>
        {page.feed.on ? (
          <button
            type="button"
            className="button"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate()}
          >
            {ts('meetings.feed.revoke')}
          </button>
        ) : null}
      </p>
    </section>
  );
}

function History({ partner }: { partner: string }) {
  const history = useMeetingHistory();
  const meetings = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="stack" aria-labelledby="history-heading">
      <h2 id="history-heading">{ts('meetings.history.title')}</h2>
      {history.isError ? <p>{problemOf(history.error).detail}</p> : null}
      {history.isSuccess && meetings.length === 0 ? <p>{ts('meetings.history.empty')}</p> : null}
      <ol className="stack">
        {meetings.map((m) => (
          <li key={m.date}>
            <article className="checkin stack" aria-labelledby={`meeting-${m.date}`}>
              <h3 id={`meeting-${m.date}`}>
                <time dateTime={new Date(m.startsAt).toISOString()}>
                  {formatMeeting(m.startsAt)}
                </time>
              </h3>
              <Agenda meeting={m} partner={partner} editable={false} level={4} />
              {m.myNote ? (
                <>
                  <p className="small">
                    {m.myNote.shared
                      ? ts('meetings.note.mineShared', { name: partner })
                      : ts('meetings.note.minePrivate')}
                  </p>
                  <p className="note-text" dir="auto">
                    {m.myNote.text}
                  </p>
                </>
              ) : null}
              {m.partnerNote ? (
                <>
                  <p className="small">{ts('meetings.note.partners', { name: partner })}</p>
                  <p className="note-text" dir="auto">
                    {m.partnerNote.text}
                  </p>
                </>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
      {history.hasNextPage ? (
        <p className="actions">
          <button
            type="button"
            className="button"
            disabled={history.isFetchingNextPage}
            onClick={() => void history.fetchNextPage()}
          >
            {ts('meetings.history.more')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/**
 * Check-in meetings: the couple's regular time, private preparation brought by choice, the
 * meeting itself with a way to pause it, notes on how it went, a private calendar feed, and the
 * meetings before.
 */
export function Meetings() {
  const journey = useJourney();
  const safety = useSafety();
  const current = journey.data?.journey ?? null;
  const safetyMode = safety.data?.safetyMode ?? false;
  const page = useMeetingPage(current !== null && safety.isSuccess && !safetyMode);
  const partner = current?.partner?.displayName ?? t('join.yourPartner');
  let body;
  if (journey.isPending || safety.isPending) body = <Loading />;
  else if (journey.isError) body = <p>{problemOf(journey.error).detail}</p>;
  else if (!current) {
    body = <EmptyState text={ts('meetings.noJourney')} to="/app/start" action={t('today.begin')} />;
  } else if (safetyMode) {
    // In safety mode joint exercises are not offered at all.
    body = <p>{ts('meetings.safetyMode')}</p>;
  } else if (page.isPending) body = <Loading />;
  else if (page.isError) body = <p>{problemOf(page.error).detail}</p>;
  else if (!page.data.hasPartner) body = <p>{ts('meetings.needsPartner')}</p>;
  else {
    const data = page.data;
    body = (
      <>
        <ScheduleSection page={data} partner={partner} />
        {data.current ? <CurrentMeeting meeting={data.current} partner={partner} /> : null}
        {data.schedule ? <PauseForm /> : null}
        {data.previous ? <PreviousMeeting meeting={data.previous} partner={partner} /> : null}
        {data.schedule ? <FeedSection page={data} /> : null}
        <History partner={partner} />
      </>
    );
  }
  return (
    <Page title={ts('meetings.title')} lede={ts('meetings.lede')}>
      {body}
    </Page>
  );
}
