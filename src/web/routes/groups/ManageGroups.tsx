import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { GroupBody, GroupList, GroupView } from '../../../shared/api/groups.js';
import { t } from '../../../shared/i18n/messages.js';
import { endpoints } from '../../api/endpoints.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/announcer.js';
import { Loading } from '../../app/Shell.js';
import {
  ErrorLine,
  ErrorSummary,
  fieldErrorsOf,
  problemOf,
  TextField,
} from '../../components/form.js';
import { Page } from '../../components/Page.js';

const groupsKey = ['groups', 'all'] as const;
const frequencyList = ['weekly', 'fortnightly', 'monthly'] as const;

interface Draft {
  name: string;
  description: string;
  format: 'online' | 'in_person';
  location: string;
  facilitatorId: string;
  capacity: string;
  placesTaken: string;
  timeZone: string;
  firstMeeting: string;
  durationMinutes: string;
  frequency: (typeof frequencyList)[number];
  ending: 'count' | 'until';
  count: string;
  until: string;
  published: boolean;
}

const emptyDraft = (timeZone: string): Draft => ({
  name: '',
  description: '',
  format: 'in_person',
  location: '',
  facilitatorId: '',
  capacity: '8',
  placesTaken: '0',
  timeZone,
  firstMeeting: '',
  durationMinutes: '90',
  frequency: 'weekly',
  ending: 'count',
  count: '8',
  until: '',
  published: false,
});

const draftOf = (g: GroupView): Draft => ({
  name: g.name,
  description: g.description,
  format: g.format,
  location: g.location,
  facilitatorId: g.facilitatorId ?? '',
  capacity: String(g.capacity),
  placesTaken: String(g.placesTaken),
  timeZone: g.timeZone,
  firstMeeting: g.firstMeeting,
  durationMinutes: String(g.durationMinutes),
  frequency: g.recurrence.frequency,
  ending: g.recurrence.count !== null ? 'count' : 'until',
  count: String(g.recurrence.count ?? 8),
  until: g.recurrence.until ?? '',
  published: g.published,
});

/** Numbers as typed; the server says what is wrong with any that is not a whole number. */
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

const bodyOf = (d: Draft): GroupBody => ({
  name: d.name,
  description: d.description,
  format: d.format,
  location: d.location,
  facilitatorId: d.facilitatorId || null,
  capacity: num(d.capacity),
  placesTaken: num(d.placesTaken),
  timeZone: d.timeZone,
  firstMeeting: d.firstMeeting,
  durationMinutes: num(d.durationMinutes),
  recurrence: {
    frequency: d.frequency,
    count: d.ending === 'count' ? num(d.count) : null,
    until: d.ending === 'until' ? d.until : null,
  },
  published: d.published,
});

const ids = {
  name: 'group-name',
  description: 'group-description',
  location: 'group-location',
  facilitatorId: 'group-facilitator',
  capacity: 'group-capacity',
  placesTaken: 'group-taken',
  timeZone: 'group-zone',
  firstMeeting: 'group-first',
  durationMinutes: 'group-duration',
  recurrence: 'group-count',
};

function GroupForm({
  list,
  editing,
  onDone,
}: {
  list: GroupList;
  editing: GroupView | null;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [d, setD] = useState<Draft>(() =>
    editing ? draftOf(editing) : emptyDraft(list.defaultTimeZone),
  );
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setD((x) => ({ ...x, [key]: value }));
  const save = useMutation({
    mutationFn: (body: GroupBody) =>
      editing
        ? call(endpoints.groups.update, { params: { id: editing.id }, body })
        : call(endpoints.groups.create, { body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: groupsKey });
      announce(t('manageGroups.saved'));
      onDone();
    },
  });
  const e = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(bodyOf(d));
  };
  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="group-form-title">
      <h2 id="group-form-title">
        {editing ? t('manageGroups.editTitle') : t('manageGroups.newTitle')}
      </h2>
      <ErrorSummary error={save.error} fieldIds={ids} />
      <TextField
        id={ids.name}
        label={t('manageGroups.name')}
        value={d.name}
        error={e.name}
        onChange={(x) => set('name', x.target.value)}
      />
      <div className="field">
        <label htmlFor={ids.description}>{t('manageGroups.description')}</label>
        {e.description ? <span className="field-error">{e.description}</span> : null}
        <textarea
          id={ids.description}
          rows={5}
          value={d.description}
          onChange={(x) => set('description', x.target.value)}
        />
      </div>
      <fieldset>
        <legend>{t('manageGroups.format')}</legend>
        <div className="choices">
          {(['in_person', 'online'] as const).map((f) => (
            <label key={f} className="choice">
              <input
                type="radio"
                name="group-format"
                checked={d.format === f}
                onChange={() => set('format', f)}
              />
              <span className="choice-title">{t(`groups.format.${f}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        id={ids.location}
        label={t('manageGroups.location')}
        hint={t('manageGroups.locationHint')}
        value={d.location}
        error={e.location}
        onChange={(x) => set('location', x.target.value)}
      />
      <div className="field">
        <label htmlFor={ids.facilitatorId}>{t('manageGroups.facilitator')}</label>
        {e.facilitatorId ? <span className="field-error">{e.facilitatorId}</span> : null}
        <select
          id={ids.facilitatorId}
          value={d.facilitatorId}
          onChange={(x) => set('facilitatorId', x.target.value)}
        >
          <option value="">{t('manageGroups.noFacilitator')}</option>
          {list.facilitators.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id={ids.capacity}
        type="number"
        inputMode="numeric"
        min={1}
        label={t('manageGroups.capacity')}
        value={d.capacity}
        error={e.capacity}
        onChange={(x) => set('capacity', x.target.value)}
      />
      <TextField
        id={ids.placesTaken}
        type="number"
        inputMode="numeric"
        min={0}
        label={t('manageGroups.placesTaken')}
        value={d.placesTaken}
        error={e.placesTaken}
        onChange={(x) => set('placesTaken', x.target.value)}
      />
      <TextField
        id={ids.timeZone}
        label={t('manageGroups.timeZone')}
        hint={t('manageGroups.timeZoneHint')}
        value={d.timeZone}
        error={e.timeZone}
        onChange={(x) => set('timeZone', x.target.value)}
      />
      <TextField
        id={ids.firstMeeting}
        type="datetime-local"
        label={t('manageGroups.firstMeeting')}
        hint={t('manageGroups.firstMeetingHint')}
        value={d.firstMeeting}
        error={e.firstMeeting}
        onChange={(x) => set('firstMeeting', x.target.value)}
      />
      <TextField
        id={ids.durationMinutes}
        type="number"
        inputMode="numeric"
        min={15}
        label={t('manageGroups.duration')}
        value={d.durationMinutes}
        error={e.durationMinutes}
        onChange={(x) => set('durationMinutes', x.target.value)}
      />
      <fieldset>
        <legend>{t('manageGroups.frequency')}</legend>
        <div className="choices">
          {frequencyList.map((f) => (
            <label key={f} className="choice">
              <input
                type="radio"
                name="group-frequency"
                checked={d.frequency === f}
                onChange={() => set('frequency', f)}
              />
              <span className="choice-title">{t(`manageGroups.frequency.${f}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('manageGroups.ending')}</legend>
        {e.recurrence ? <span className="field-error">{e.recurrence}</span> : null}
        <div className="choices">
          <label className="choice">
            <input
              type="radio"
              name="group-ending"
              checked={d.ending === 'count'}
              onChange={() => set('ending', 'count')}
            />
            <span className="choice-title">{t('manageGroups.endAfter')}</span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="group-ending"
              checked={d.ending === 'until'}
              onChange={() => set('ending', 'until')}
            />
            <span className="choice-title">{t('manageGroups.endOn')}</span>
          </label>
        </div>
      </fieldset>
      {d.ending === 'count' ? (
        <TextField
          id={ids.recurrence}
          type="number"
          inputMode="numeric"
          min={1}
          label={t('manageGroups.count')}
          value={d.count}
          onChange={(x) => set('count', x.target.value)}
        />
      ) : (
        <TextField
          id={ids.recurrence}
          type="date"
          label={t('manageGroups.until')}
          value={d.until}
          onChange={(x) => set('until', x.target.value)}
        />
      )}
      <fieldset>
        <legend>{t('manageGroups.shownTitle')}</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={d.published}
            onChange={(x) => set('published', x.target.checked)}
          />
          <span className="choice-title">{t('manageGroups.published')}</span>
        </label>
      </fieldset>
      <p className="actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? t('settings.saving') : t('manageGroups.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('manageGroups.cancel')}
        </button>
      </p>
    </form>
  );
}

function GroupItem({ g, onEdit }: { g: GroupView; onEdit: () => void }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => call(endpoints.groups.remove, { params: { id: g.id } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: groupsKey });
      announce(t('manageGroups.deleted', { name: g.name }));
    },
  });
  const next = g.nextMeetings[0];
  return (
    <li>
      <h3>{g.name}</h3>
      <p>
        {g.published ? t('manageGroups.isShown') : t('manageGroups.isHidden')} ·{' '}
        {t('groups.placesLeft', { count: g.placesLeft })}
      </p>
      <p>
        {next !== undefined
          ? t('groups.nextMeeting', {
              when: new Intl.DateTimeFormat('en-GB', {
                timeZone: g.timeZone,
                dateStyle: 'full',
                timeStyle: 'short',
              }).format(next),
            })
          : t('groups.ended')}
      </p>
      {g.published ? (
        <p>
          <a href={g.pageUrl}>{t('manageGroups.publicPage')}</a>
        </p>
      ) : null}
      <p className="item-actions">
        <button type="button" className="button" onClick={onEdit}>
          {t('manageGroups.edit')}
        </button>
        {confirming ? (
          <>
            <span>{t('manageGroups.deleteConfirm', { name: g.name })}</span>{' '}
            <button
              type="button"
              className="button"
              disabled={remove.isPending}
              onClick={() => remove.mutate()}
            >
              {t('manageGroups.deleteYes')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('manageGroups.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t('manageGroups.delete')}
          </button>
        )}
      </p>
      <ErrorLine error={remove.error} />
    </li>
  );
}

/** /app/groups: the administrator plans the practice's groups. */
export function ManageGroups() {
  const list = useQuery({ queryKey: groupsKey, queryFn: () => call(endpoints.groups.list) });
  const [editing, setEditing] = useState<GroupView | 'new' | null>(null);
  const data = list.data;
  return (
    <Page title={t('manageGroups.title')} lede={t('manageGroups.lede')}>
      {list.error ? (
        <p>{problemOf(list.error).detail}</p>
      ) : !data ? (
        <Loading />
      ) : editing ? (
        <GroupForm
          key={editing === 'new' ? 'new' : editing.id}
          list={data}
          editing={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <>
          <p className="actions">
            <button type="button" className="button primary" onClick={() => setEditing('new')}>
              {t('manageGroups.new')}
            </button>
          </p>
          <h2>{t('manageGroups.listTitle')}</h2>
          {data.groups.length === 0 ? (
            <p className="empty">{t('manageGroups.empty')}</p>
          ) : (
            <ul className="card-list">
              {data.groups.map((g) => (
                <GroupItem key={g.id} g={g} onEdit={() => setEditing(g)} />
              ))}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
