import { endpoints } from '../../api/endpoints.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  feelings,
  INTENSITY_MAX,
  INTENSITY_MIN,
  NOTE_MAX,
  type Feeling,
} from '../../../core/checkins/checkin.js';
import type { CheckinCreateBody } from '../../../shared/api/checkins.js';
import { graphemeCount } from '../../../core/text/text.js';
import { t } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';
import { keys } from '../../api/queries.js';
import { useAnnounce } from '../../app/announcer.js';
import { useKeptWords, useUnsavedWords } from '../../app/kept-words.js';
import { LeavePrompt, useLeaveGuard } from '../../app/leave-guard.js';
import { useMe } from '../../app/Shell.js';
import { choiceId, Choices } from '../../components/choices.js';
import {
  describedBy,
  ErrorSummary,
  FieldError,
  fieldErrorsOf,
  SignInToSave,
  WordsBack,
} from '../../components/form.js';
import { LockIcon } from '../../components/icons.js';
import { Page } from '../../components/Page.js';
import { joinNames, useCheckinTherapists } from '../consent/api.js';
import { feelingLabel, formatCount } from '../labels.js';

const DEFAULT_INTENSITY = 5;
const fieldIds = { feelings: choiceId('feelings', feelings[0]), note: 'note' };

const checkinForm = () => 'checkin';

interface Draft {
  readonly chosen: Feeling[];
  readonly intensity: Partial<Record<Feeling, number>>;
  readonly note: string;
}

/**
 * A new check-in. What the person types stays in this page's memory only: never in localStorage,
 * because someone else may use this device. A failed save keeps everything and says so.
 */
export function NewCheckin() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const me = useMe();
  // A therapist the person lets see check-ins sees this one too: the words say so.
  const therapists = useCheckinTherapists();
  // What was typed here before a sign-out for privacy, put back for the same person.
  const restored = useKeptWords<Draft>(checkinForm(), me.id);
  const [chosen, setChosen] = useState<Feeling[]>(restored?.chosen ?? []);
  const [intensity, setIntensity] = useState<Partial<Record<Feeling, number>>>(
    restored?.intensity ?? {},
  );
  const [note, setNote] = useState(restored?.note ?? '');

  const dirty = chosen.length > 0 || note.trim() !== '';
  const draft = useMemo<Draft | undefined>(
    () => (dirty ? { chosen, intensity, note } : undefined),
    [dirty, chosen, intensity, note],
  );
  useUnsavedWords(checkinForm, draft);
  const guard = useLeaveGuard(dirty);

  const save = useMutation({
    mutationFn: (body: CheckinCreateBody) => call(endpoints.checkins.create, { body }),
    meta: { keepsUnsavedText: true },
    onSuccess: () => {
      guard.allowLeaving();
      void client.invalidateQueries({ queryKey: keys.checkins });
      announce(
        therapists.length > 0
          ? t('consent.checkinSavedWith', { names: joinNames(therapists) })
          : t('checkin.saved'),
        { navigating: true },
      );
      void navigate('/app/checkins');
    },
  });

  const toggle = (f: Feeling, checked: boolean) => {
    setChosen(feelings.filter((x) => (x === f ? checked : chosen.includes(x))));
    if (checked && intensity[f] === undefined)
      setIntensity({ ...intensity, [f]: DEFAULT_INTENSITY });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      feelings: chosen.map((f) => ({ feeling: f, intensity: intensity[f] ?? DEFAULT_INTENSITY })),
      note,
    });
  };

  const errors = fieldErrorsOf(save.error);
  // Counted as the server counts: one for each character a person sees.
  const length = graphemeCount(note);
  const over = length > NOTE_MAX;
  const noteError =
    errors.note ?? (over ? t('checkin.noteTooLong', { max: formatCount(NOTE_MAX) }) : undefined);

  return (
    <Page title={t('checkin.title')} lede={t('checkin.lede')}>
      <WordsBack shown={restored !== undefined} />
      <LeavePrompt guard={guard} text={t('checkin.leaveConfirm')} />
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary
          error={save.error}
          title={t('checkin.saveFailed')}
          after={t('checkin.keptText')}
          fieldIds={fieldIds}
        />
        <SignInToSave error={save.error} then={t('checkin.signInThenSave')} />
        <Choices
          type="checkbox"
          name="feelings"
          legend={t('checkin.feelingsLegend')}
          hint={t('checkin.feelingsHint')}
          error={errors.feelings}
          options={feelings.map((f) => ({ value: f, label: feelingLabel(f) }))}
          isChecked={(f) => chosen.includes(f)}
          onToggle={toggle}
          compact
        />
        {chosen.length > 0 ? (
          <fieldset aria-describedby="intensity-hint">
            <legend>{t('checkin.intensityLegend')}</legend>
            <span id="intensity-hint" className="hint">
              {t('checkin.intensityHint')}
            </span>
            {chosen.map((f) => {
              const value = intensity[f] ?? DEFAULT_INTENSITY;
              const id = `intensity-${f}`;
              const valueText = t('checkin.outOf', { value, max: INTENSITY_MAX });
              return (
                <div key={f} className="intensity">
                  <label htmlFor={id}>{feelingLabel(f)}</label>
                  <input
                    id={id}
                    type="range"
                    min={INTENSITY_MIN}
                    max={INTENSITY_MAX}
                    step={1}
                    value={value}
                    aria-valuetext={valueText}
                    onChange={(e) => setIntensity({ ...intensity, [f]: Number(e.target.value) })}
                  />
                  {/* Screen readers hear the value from aria-valuetext; this is its visible twin. */}
                  <p className="intensity-value" aria-hidden="true">
                    <span>{t('checkin.scaleLow')}</span>
                    <strong>{valueText}</strong>
                    <span>{t('checkin.scaleHigh')}</span>
                  </p>
                </div>
              );
            })}
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor="note">{t('checkin.noteLabel')}</label>
          <span id="note-hint" className="hint">
            {t('checkin.noteHint')}
          </span>
          <FieldError id="note-error">{noteError}</FieldError>
          <textarea
            dir="auto"
            id="note"
            name="note"
            rows={6}
            value={note}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={describedBy('note-hint', noteError && 'note-error', 'note-count')}
            onChange={(e) => setNote(e.target.value)}
          />
          <p id="note-count" className={over ? 'count over' : 'count'}>
            {t('checkin.count', { count: formatCount(length), max: formatCount(NOTE_MAX) })}
          </p>
        </div>
        <p className="visibility">
          <LockIcon />
          <span>
            {therapists.length > 0
              ? t('consent.checkinPrivateWith', { names: joinNames(therapists) })
              : t('checkin.private')}
          </span>
        </p>
        <p className="actions">
          <button type="submit" className="button primary wide" disabled={save.isPending}>
            {save.isPending ? t('checkin.saving') : t('checkin.save')}
          </button>
          <Link className="button quiet" to="/app/checkins">
            {t('common.cancel')}
          </Link>
        </p>
      </form>
    </Page>
  );
}
