import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { ProfileBody, TherapistProfile } from '../../../shared/api/directory.js';
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

const profileKey = ['directory', 'mine'] as const;
const approachList = ['eft', 'gottman', 'other'] as const;
const formatList = ['individual', 'couples', 'group'] as const;
const PHOTO_MAX = 300 * 1024;

type Draft = Omit<ProfileBody, 'languages'> & { languages: string };

const draftOf = (p: TherapistProfile): Draft => ({
  name: p.name,
  title: p.title,
  bio: p.bio,
  approaches: p.approaches,
  formats: p.formats,
  languages: p.languages.join(', '),
  betrayalExperience: p.betrayalExperience,
  online: p.online,
  inPerson: p.inPerson,
  accepting: p.accepting,
  availability: p.availability,
  published: p.published,
});

const toggled = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

const fieldIds = {
  name: 'profile-name',
  title: 'profile-title',
  bio: 'profile-bio',
  languages: 'profile-languages',
  availability: 'profile-availability',
};

function PhotoPanel({ profile }: { profile: TherapistProfile }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [tooBig, setTooBig] = useState(false);
  const done = (saved: TherapistProfile, message: string) => {
    client.setQueryData(profileKey, saved);
    announce(message);
  };
  const upload = useMutation({
    mutationFn: (image: string) => call(endpoints.directory.photo, { body: { image } }),
    onSuccess: (saved) => done(saved, t('profile.photoSaved')),
  });
  const remove = useMutation({
    mutationFn: () => call(endpoints.directory.removePhoto),
    onSuccess: (saved) => done(saved, t('profile.photoRemoved')),
  });
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setTooBig(file.size > PHOTO_MAX);
    if (file.size > PHOTO_MAX) return;
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === 'string') upload.mutate(reader.result);
    };
    reader.readAsDataURL(file);
  };
  return (
    <section aria-labelledby="profile-photo-title">
      <h2 id="profile-photo-title">{t('profile.photoTitle')}</h2>
      <p>{profile.photoUrl ? t('profile.photoSet') : t('profile.photoNone')}</p>
      <div className="field">
        <label htmlFor="profile-photo">{t('profile.photoChoose')}</label>
        <span id="profile-photo-hint" className="hint">
          {t('profile.photoHint')}
        </span>
        {tooBig ? <span className="field-error">{t('profile.photoTooBig')}</span> : null}
        <input
          id="profile-photo"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-describedby="profile-photo-hint"
          onChange={choose}
        />
      </div>
      <ErrorLine error={upload.error ?? remove.error} />
      {profile.photoUrl ? (
        <p className="actions">
          <button
            type="button"
            className="button"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            {t('profile.photoRemove')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

function ProfileForm({ profile }: { profile: TherapistProfile }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation({
    mutationFn: (body: ProfileBody) => call(endpoints.directory.update, { body }),
    onSuccess: (saved) => {
      client.setQueryData(profileKey, saved);
      announce(saved.published ? t('profile.savedShown') : t('profile.savedHidden'));
    },
  });
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const languages = draft.languages
      .split(/[,\s]+/)
      .map((l) => l.trim())
      .filter(Boolean);
    save.mutate({ ...draft, languages });
  };
  const box = (
    key: 'betrayalExperience' | 'online' | 'inPerson' | 'accepting' | 'published',
    label: string,
  ) => (
    <label className="choice">
      <input type="checkbox" checked={draft[key]} onChange={(e) => set(key, e.target.checked)} />
      <span className="choice-title">{label}</span>
    </label>
  );
  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary error={save.error} fieldIds={fieldIds} />
      <TextField
        id={fieldIds.name}
        label={t('profile.name')}
        value={draft.name}
        error={errors.name}
        onChange={(e) => set('name', e.target.value)}
        autoComplete="name"
      />
      <TextField
        id={fieldIds.title}
        label={t('profile.titleLabel')}
        hint={t('profile.titleHint')}
        value={draft.title}
        error={errors.title}
        onChange={(e) => set('title', e.target.value)}
      />
      <div className="field">
        <label htmlFor={fieldIds.bio}>{t('profile.bio')}</label>
        <span id="profile-bio-hint" className="hint">
          {t('profile.bioHint')}
        </span>
        {errors.bio ? <span className="field-error">{errors.bio}</span> : null}
        <textarea
          id={fieldIds.bio}
          rows={8}
          value={draft.bio}
          aria-describedby="profile-bio-hint"
          onChange={(e) => set('bio', e.target.value)}
        />
      </div>
      <fieldset>
        <legend>{t('directory.filter.approach')}</legend>
        <div className="choices">
          {approachList.map((a) => (
            <label key={a} className="choice">
              <input
                type="checkbox"
                checked={draft.approaches.includes(a)}
                onChange={(e) => set('approaches', toggled(draft.approaches, a, e.target.checked))}
              />
              <span className="choice-title">{t(`directory.approach.${a}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('directory.filter.format')}</legend>
        <div className="choices">
          {formatList.map((f) => (
            <label key={f} className="choice">
              <input
                type="checkbox"
                checked={draft.formats.includes(f)}
                onChange={(e) => set('formats', toggled(draft.formats, f, e.target.checked))}
              />
              <span className="choice-title">{t(`directory.format.${f}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        id={fieldIds.languages}
        label={t('profile.languages')}
        hint={t('profile.languagesHint')}
        value={draft.languages}
        error={errors.languages}
        onChange={(e) => set('languages', e.target.value)}
      />
      <fieldset>
        <legend>{t('profile.howYouMeet')}</legend>
        <div className="choices">
          {box('online', t('directory.filter.online'))}
          {box('inPerson', t('directory.filter.inPerson'))}
          {box('betrayalExperience', t('directory.filter.betrayal'))}
          {box('accepting', t('directory.filter.accepting'))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={fieldIds.availability}>{t('directory.availability')}</label>
        <span id="profile-availability-hint" className="hint">
          {t('profile.availabilityHint')}
        </span>
        {errors.availability ? <span className="field-error">{errors.availability}</span> : null}
        <textarea
          id={fieldIds.availability}
          rows={3}
          value={draft.availability}
          aria-describedby="profile-availability-hint"
          onChange={(e) => set('availability', e.target.value)}
        />
      </div>
      <fieldset>
        <legend>{t('profile.shownTitle')}</legend>
        <div className="choices">{box('published', t('profile.published'))}</div>
      </fieldset>
      <p className="actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? t('settings.saving') : t('profile.save')}
        </button>
      </p>
    </form>
  );
}

/** /app/profile: a therapist's public profile in the practice's directory. */
export function MyProfile() {
  const profile = useQuery({
    queryKey: profileKey,
    queryFn: () => call(endpoints.directory.mine),
  });
  const p = profile.data;
  return (
    <Page title={t('profile.pageTitle')} lede={t('profile.lede')}>
      {profile.error ? (
        <p>{problemOf(profile.error).detail}</p>
      ) : p ? (
        <>
          <p>
            {p.published ? (
              <a href={`/directory/${p.slug}`}>{t('profile.seePublic')}</a>
            ) : (
              t('profile.notShown')
            )}
          </p>
          <ProfileForm profile={p} />
          <PhotoPanel profile={p} />
        </>
      ) : (
        <Loading />
      )}
    </Page>
  );
}
