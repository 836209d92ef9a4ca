import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  ACTIVITY_DETAILS_MAX,
  ACTIVITY_NOTE_MAX,
  ACTIVITY_TITLE_MAX,
  activityIdeas,
} from '../../../core/activities/activity.js';
import type {
  ActivityCreateBody,
  ActivityPlanBody,
  ActivityView,
} from '../../../shared/api/activities.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { useJourney, useSafety } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { useKeptText } from '../../app/kept-words.js';
import { Loading, useMe } from '../../app/Shell.js';
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
import {
  activityKeys,
  calendarHref,
  durationChoices,
  durationLabel,
  formatPlan,
  ideaDetails,
  ideaTitle,
  knownTimeZones,
  localToday,
  ownTimeZone,
  sections,
  useActivities,
} from './queries.js';
import { ts } from '../../../shared/i18n/steps.js';

type Editing = 'plan' | 'done' | null;

function PlanForm({ activity, onDone }: { activity: ActivityView; onDone: () => void }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const id = useId();
  const [date, setDate] = useState(activity.plan?.date ?? localToday());
  const [time, setTime] = useState(activity.plan?.time ?? '');
  const [zone, setZone] = useState(activity.plan?.timeZone ?? ownTimeZone());
  const [minutes, setMinutes] = useState(String(activity.plan?.durationMinutes ?? ''));
  const save = useMutation({
    mutationFn: (body: ActivityPlanBody) =>
      call(endpoints.activities.plan, { params: { id: activity.id }, body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: activityKeys.all });
      announce(ts('activities.plannedDone'));
      onDone();
    },
  });
  const errors = fieldErrorsOf(save.error);
  const ids = {
    date: `${id}-date`,
    time: `${id}-time`,
    timeZone: `${id}-zone`,
    durationMinutes: `${id}-length`,
  };
  const zones = knownTimeZones();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const withTime = time !== '';
    save.mutate({
      date,
      time: withTime ? time : null,
      timeZone: withTime ? zone.trim() : null,
      durationMinutes: withTime && minutes !== '' ? Number(minutes) : null,
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ErrorSummary error={save.error} fieldIds={ids} />
      <fieldset className="stack">
        <legend>{ts('activities.planLegend')}</legend>
        <div className="field">
          <label htmlFor={ids.date}>{ts('activities.dateLabel')}</label>
          <FieldError id={`${ids.date}-error`}>{errors.date}</FieldError>
          <input
            id={ids.date}
            type="date"
            required
            value={date}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={describedBy(errors.date && `${ids.date}-error`)}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.time}>{ts('activities.timeLabel')}</label>
          <span id={`${ids.time}-hint`} className="hint">
            {ts('activities.timeHint')}
          </span>
          <FieldError id={`${ids.time}-error`}>{errors.time}</FieldError>
          <input
            id={ids.time}
            type="time"
            value={time}
            aria-invalid={errors.time ? true : undefined}
            aria-describedby={describedBy(`${ids.time}-hint`, errors.time && `${ids.time}-error`)}
            onChange={(e) => setTime(e.target.value)}
          />
        </div>
        {time !== '' ? (
          <>
            <div className="field">
              <label htmlFor={ids.timeZone}>{ts('activities.zoneLabel')}</label>
              <span id={`${ids.timeZone}-hint`} className="hint">
                {ts('activities.zoneHint')}
              </span>
              <FieldError id={`${ids.timeZone}-error`}>{errors.timeZone}</FieldError>
              <input
                id={ids.timeZone}
                type="text"
                autoComplete="off"
                list={zones.length > 0 ? `${ids.timeZone}-list` : undefined}
                value={zone}
                aria-invalid={errors.timeZone ? true : undefined}
                aria-describedby={describedBy(
                  `${ids.timeZone}-hint`,
                  errors.timeZone && `${ids.timeZone}-error`,
                )}
                onChange={(e) => setZone(e.target.value)}
              />
              {zones.length > 0 ? (
                <datalist id={`${ids.timeZone}-list`}>
                  {zones.map((z) => (
                    <option key={z} value={z} />
                  ))}
                </datalist>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor={ids.durationMinutes}>{ts('activities.lengthLabel')}</label>
              <FieldError id={`${ids.durationMinutes}-error`}>{errors.durationMinutes}</FieldError>
              <select
                id={ids.durationMinutes}
                value={minutes}
                aria-invalid={errors.durationMinutes ? true : undefined}
                aria-describedby={describedBy(
                  errors.durationMinutes && `${ids.durationMinutes}-error`,
                )}
                onChange={(e) => setMinutes(e.target.value)}
              >
                <option value="">{ts('activities.length.none')}</option>
                {durationChoices.map((m) => (
                  <option key={m} value={String(m)}>
                    {durationLabel(m)}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : null}
      </fieldset>
      <p className="actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {ts('activities.savePlan')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {ts('activities.cancel')}
        </button>
      </p>
    </form>
  );
}

function DoneForm({
  activity,
  partner,
  onDone,
}: {
  activity: ActivityView;
  partner: string;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const me = useMe();
  const id = useId();
  const mine = activity.done.find((d) => d.mine);
  // Words kept from a dropped connection come first, then the note already saved.
  const [kept, keep] = useKeptText(`activity-note:${activity.id}`, me.id);
  const [value, setValue] = useState(() => kept || mine?.note || '');
  const setNote = (text: string) => {
    setValue(text);
    keep(text);
  };
  const save = useMutation({
    mutationFn: () =>
      call(endpoints.activities.done, { params: { id: activity.id }, body: { note: value } }),
    meta: { keepsUnsavedText: true },
    onSuccess: async () => {
      setNote('');
      await client.invalidateQueries({ queryKey: activityKeys.all });
      announce(ts('activities.doneSaved'));
      onDone();
    },
  });
  const errors = fieldErrorsOf(save.error);
  const noteId = `${id}-note`;
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <ErrorSummary error={save.error} fieldIds={{ note: noteId }} />
      <div className="field">
        <label htmlFor={noteId}>{ts('activities.noteLabel')}</label>
        <span id={`${noteId}-hint`} className="hint">
          {ts('activities.noteHint', { name: partner, max: formatCount(ACTIVITY_NOTE_MAX) })}
        </span>
        <FieldError id={`${noteId}-error`}>{errors.note}</FieldError>
        <textarea
          dir="auto"
          id={noteId}
          rows={3}
          value={value}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={describedBy(`${noteId}-hint`, errors.note && `${noteId}-error`)}
          onChange={(e) => setNote(e.target.value)}
        />
        <ToneHelper text={value} />
      </div>
      <p className="actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {ts('activities.saveDone')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {ts('activities.cancel')}
        </button>
      </p>
    </form>
  );
}

function ActivityItem({ activity, partner }: { activity: ActivityView; partner: string }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const id = useId();
  const [editing, setEditing] = useState<Editing>(null);
  const aside = useMutation({
    mutationFn: (setAside: boolean) =>
      call(endpoints.activities.setAside, { params: { id: activity.id }, body: { setAside } }),
    onSuccess: async (_, setAside) => {
      await client.invalidateQueries({ queryKey: activityKeys.all });
      announce(ts(setAside ? 'activities.setAsideDone' : 'activities.broughtBack'));
    },
  });
  const titleId = `${id}-title`;
  const setAside = activity.status === 'set_aside';
  const mine = activity.done.find((d) => d.mine);
  return (
    <li>
      <article className="checkin" aria-labelledby={titleId}>
        <h3 id={titleId} dir="auto">
          {activity.title}
        </h3>
        {activity.details ? (
          <p className="note-text" dir="auto">
            {activity.details}
          </p>
        ) : null}
        <p className="small">
          {activity.addedByMe
            ? ts('activities.addedByMe')
            : ts('activities.addedBy', { name: activity.addedByName })}
        </p>
        {activity.plan ? (
          <p>
            <strong>{ts('activities.planned', { when: formatPlan(activity.plan) })}</strong>
          </p>
        ) : null}
        {activity.done.length > 0 ? (
          <ul className="stack">
            {activity.done.map((d) => (
              <li key={d.name + String(d.mine)}>
                <p className="small">
                  {d.mine
                    ? ts('activities.doneByMe', { date: formatDate(d.at) })
                    : ts('activities.doneBy', { name: d.name, date: formatDate(d.at) })}
                </p>
                <p className="note-text" dir="auto">
                  <span className="visually-hidden">
                    {d.mine ? ts('activities.noteByMe') : ts('activities.noteBy', { name: d.name })}
                    {': '}
                  </span>
                  {d.note ?? ts('activities.noNote')}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
        {editing === 'plan' ? (
          <PlanForm activity={activity} onDone={() => setEditing(null)} />
        ) : editing === 'done' ? (
          <DoneForm activity={activity} partner={partner} onDone={() => setEditing(null)} />
        ) : (
          <>
            <ErrorLine error={aside.error} />
            <p className="actions">
              {setAside ? (
                <button
                  type="button"
                  className="button"
                  disabled={aside.isPending}
                  aria-describedby={titleId}
                  onClick={() => aside.mutate(false)}
                >
                  {ts('activities.bringBack')}
                </button>
              ) : (
                <>
                  {activity.status !== 'done' ? (
                    <button
                      type="button"
                      className="button"
                      aria-describedby={titleId}
                      onClick={() => setEditing('plan')}
                    >
                      {activity.plan ? ts('activities.replan') : ts('activities.plan')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="button"
                    aria-describedby={titleId}
                    onClick={() => setEditing('done')}
                  >
                    {mine ? ts('activities.changeNote') : ts('activities.markDone')}
                  </button>
                  {activity.plan && activity.status === 'planned' ? (
                    <a
                      className="button"
                      href={calendarHref(activity.id)}
                      download
                      aria-describedby={describedBy(titleId, `${id}-calendar-hint`)}
                    >
                      {ts('activities.calendar')}
                    </a>
                  ) : null}
                  {activity.status !== 'done' ? (
                    <button
                      type="button"
                      className="button"
                      disabled={aside.isPending}
                      aria-describedby={titleId}
                      onClick={() => aside.mutate(true)}
                    >
                      {ts('activities.setAside')}
                    </button>
                  ) : null}
                </>
              )}
            </p>
            {activity.plan && activity.status === 'planned' ? (
              <p id={`${id}-calendar-hint`} className="hint">
                {ts('activities.calendarHint')}
              </p>
            ) : null}
          </>
        )}
      </article>
    </li>
  );
}

function AddForm({ onList }: { onList: ReadonlySet<string> }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const me = useMe();
  const [title, setTitle] = useKeptText('activity-new', me.id);
  const [details, setDetails] = useKeptText('activity-new-details', me.id);
  const add = useMutation({
    mutationFn: (body: ActivityCreateBody) => call(endpoints.activities.add, { body }),
    meta: { keepsUnsavedText: true },
    onSuccess: async (_, body) => {
      if (body.title === title) {
        setTitle('');
        setDetails('');
      }
      await client.invalidateQueries({ queryKey: activityKeys.all });
      announce(ts('activities.added'));
    },
  });
  const errors = fieldErrorsOf(add.error);
  return (
    <>
      <section className="stack" aria-labelledby="activity-add-heading">
        <h2 id="activity-add-heading">{ts('activities.addTitle')}</h2>
        <form
          className="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ title, ...(details.trim() ? { details } : {}) });
          }}
        >
          <ErrorSummary
            error={add.error}
            fieldIds={{ title: 'activity-title', details: 'activity-details' }}
          />
          <div className="field">
            <label htmlFor="activity-title">{ts('activities.titleLabel')}</label>
            <span id="activity-title-hint" className="hint">
              {ts('activities.titleHint', { max: formatCount(ACTIVITY_TITLE_MAX) })}
            </span>
            <FieldError id="activity-title-error">{errors.title}</FieldError>
            <input
              id="activity-title"
              type="text"
              dir="auto"
              value={title}
              aria-invalid={errors.title ? true : undefined}
              aria-describedby={describedBy(
                'activity-title-hint',
                errors.title && 'activity-title-error',
              )}
              onChange={(e) => setTitle(e.target.value)}
            />
            <ToneHelper text={title} />
          </div>
          <div className="field">
            <label htmlFor="activity-details">{ts('activities.detailsLabel')}</label>
            <span id="activity-details-hint" className="hint">
              {ts('activities.detailsHint', { max: formatCount(ACTIVITY_DETAILS_MAX) })}
            </span>
            <FieldError id="activity-details-error">{errors.details}</FieldError>
            <textarea
              id="activity-details"
              dir="auto"
              rows={3}
              value={details}
              aria-invalid={errors.details ? true : undefined}
              aria-describedby={describedBy(
                'activity-details-hint',
                errors.details && 'activity-details-error',
              )}
              onChange={(e) => setDetails(e.target.value)}
            />
            <ToneHelper text={details} />
          </div>
          <p className="actions">
            <button type="submit" className="button primary" disabled={add.isPending}>
              {ts('activities.add')}
            </button>
          </p>
        </form>
      </section>
      <section className="stack" aria-labelledby="activity-ideas-heading">
        <h2 id="activity-ideas-heading">{ts('activities.ideasTitle')}</h2>
        <p className="hint">{ts('activities.ideasHint')}</p>
        <ul className="stack">
          {activityIdeas.map((idea) => {
            const ideaTitleText = ideaTitle(idea);
            const added = onList.has(ideaTitleText.toLocaleLowerCase());
            return (
              <li key={idea}>
                <p>
                  <strong>{ideaTitleText}</strong>
                  <br />
                  <span className="small">{ideaDetails(idea)}</span>
                </p>
                {added ? (
                  <p className="hint">{ts('activities.onList')}</p>
                ) : (
                  <button
                    type="button"
                    className="button"
                    disabled={add.isPending}
                    onClick={() => add.mutate({ title: ideaTitleText, details: ideaDetails(idea) })}
                  >
                    {ts('activities.addIdea', { title: ideaTitleText })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

function Section({
  id,
  title,
  hint,
  items,
  partner,
}: {
  id: string;
  title: string;
  hint?: string;
  items: readonly ActivityView[];
  partner: string;
}) {
  if (items.length === 0) return null;
  return (
    <section className="stack" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {hint ? <p className="hint">{hint}</p> : null}
      <ul className="stack">
        {items.map((a) => (
          <ActivityItem key={a.id} activity={a} partner={partner} />
        ))}
      </ul>
    </section>
  );
}

function SharedList({ partner }: { partner: string }) {
  const activities = useActivities(true);
  if (activities.isPending) return <Loading />;
  if (activities.isError) {
    const problem = problemOf(activities.error);
    return (
      <div role="alert">
        <p>{problem.detail}</p>
        {problem.code === 'safety.check_needed' ? (
          <p>
            <Link to="/app/safety">{ts('activities.safetyFirst')}</Link>
          </p>
        ) : null}
      </div>
    );
  }
  const list = activities.data.activities;
  const parts = sections(list, localToday());
  const onList = new Set(list.map((a) => a.title.toLocaleLowerCase()));
  return (
    <>
      <p className="small">{ts('activities.whoSees', { name: partner })}</p>
      {list.length === 0 ? <p>{ts('activities.emptyList')}</p> : null}
      <Section
        id="activities-upcoming"
        title={ts('activities.upcomingTitle')}
        items={parts.upcoming}
        partner={partner}
      />
      <Section
        id="activities-earlier"
        title={ts('activities.earlierTitle')}
        hint={ts('activities.earlierHint')}
        items={parts.earlier}
        partner={partner}
      />
      <Section
        id="activities-ideas"
        title={ts('activities.ideasListTitle')}
        items={parts.ideas}
        partner={partner}
      />
      <Section
        id="activities-done"
        title={ts('activities.doneTitle')}
        items={parts.done}
        partner={partner}
      />
      {parts.setAside.length > 0 ? (
        <details>
          <summary>{ts('activities.setAsideTitle')}</summary>
          <p className="hint">{ts('activities.setAsideHint')}</p>
          <ul className="stack">
            {parts.setAside.map((a) => (
              <ActivityItem key={a.id} activity={a} partner={partner} />
            ))}
          </ul>
        </details>
      ) : null}
      <AddForm onList={onList} />
    </>
  );
}

/** Step 5's time together: the couple's shared ideas, plans with a date, and what they did. */
export function Activities() {
  const journey = useJourney();
  const safety = useSafety();
  const current = journey.data?.journey ?? null;

  let body;
  if (journey.isPending || safety.isPending) body = <Loading />;
  else if (journey.isError) body = <p>{problemOf(journey.error).detail}</p>;
  else if (!current) {
    body = (
      <EmptyState text={ts('activities.noJourney')} to="/app/start" action={t('today.begin')} />
    );
  } else if (safety.data?.safetyMode) {
    // In safety mode nothing here offers or nudges towards planning time with the partner.
    body = (
      <>
        <p>{ts('activities.safetyMode')}</p>
        <p>
          <Link to="/app/safety">{ts('activities.safetyLink')}</Link>
        </p>
      </>
    );
  } else if (safety.data && !safety.data.checked) {
    body = (
      <p>
        <Link to="/app/safety">{ts('activities.safetyFirst')}</Link>
      </p>
    );
  } else if (!current.partner) {
    body = (
      <>
        <p>{ts('activities.noPartner')}</p>
        <p>
          <Link to="/app/together">{ts('activities.noPartnerLink')}</Link>
        </p>
      </>
    );
  } else {
    body = <SharedList partner={current.partner.displayName} />;
  }

  return (
    <Page title={ts('activities.title')} lede={ts('activities.lede')}>
      {body}
      <p className="note">{ts('activities.therapy')}</p>
    </Page>
  );
}
