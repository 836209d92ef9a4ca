import {
  betrayalKinds,
  cameToLightOptions,
  journeyPaths,
  memberRoles,
  type BetrayalKind,
  type CameToLight,
  type JourneyPath,
  type MemberRole,
} from '../../../core/journeys/journey.js';
import type { Journey } from '../../../shared/api/journeys.js';
import { t } from '../../../shared/i18n/messages.js';
import { choiceId, Choices } from '../../components/choices.js';
import { describedBy, FieldError } from '../../components/form.js';
import { cameToLightLabel, kindLabel, pathLabel, pathText, roleLabel } from '../labels.js';

/** What the form holds while a person answers; empty strings are questions not answered yet. */
export interface JourneyDraft {
  path: JourneyPath | '';
  role: MemberRole | '';
  kinds: BetrayalKind[];
  cameToLight: CameToLight | '';
}

export const emptyDraft: JourneyDraft = { path: '', role: '', kinds: [], cameToLight: '' };

export const draftOf = (j: Journey): JourneyDraft => ({
  path: j.path,
  role: j.me.role,
  kinds: [...j.kinds],
  cameToLight: j.cameToLight,
});

/** Unanswered questions are left out, so the server names each one that still needs an answer. */
export const bodyOf = (d: JourneyDraft) => ({
  ...(d.path ? { path: d.path } : {}),
  ...(d.role ? { role: d.role } : {}),
  kinds: d.kinds,
  ...(d.cameToLight ? { cameToLight: d.cameToLight } : {}),
});

export const journeyFieldIds = {
  path: choiceId('path', journeyPaths[0]),
  role: choiceId('role', memberRoles[0]),
  kinds: choiceId('kinds', betrayalKinds[0]),
  cameToLight: 'cameToLight',
};

/** Path, role, kinds of betrayal and when it came to light: for starting, and for changing later. */
export function JourneyFields({
  draft,
  errors,
  onChange,
  pathLocked,
}: {
  draft: JourneyDraft;
  errors: Record<string, string>;
  onChange: (draft: JourneyDraft) => void;
  /** Set once a partner has joined: the together path then stays as it is, and this says why. */
  pathLocked?: string | undefined;
}) {
  const whenHint = 'cameToLight-hint';
  const whenError = 'cameToLight-error';
  return (
    <>
      {pathLocked === undefined ? (
        <Choices
          type="radio"
          name="path"
          legend={t('start.pathLegend')}
          hint={t('start.pathHint')}
          error={errors.path}
          options={journeyPaths.map((p) => ({ value: p, label: pathLabel(p), text: pathText(p) }))}
          isChecked={(p) => draft.path === p}
          onToggle={(p) => onChange({ ...draft, path: p })}
        />
      ) : (
        <div className="field">
          <p className="label-like">{t('start.pathLegend')}</p>
          <p>{pathLocked}</p>
        </div>
      )}
      <Choices
        type="radio"
        name="role"
        legend={t('start.roleLegend')}
        hint={t('start.roleHint')}
        error={errors.role}
        options={memberRoles.map((r) => ({ value: r, label: roleLabel(r) }))}
        isChecked={(r) => draft.role === r}
        onToggle={(r) => onChange({ ...draft, role: r })}
      />
      <Choices
        type="checkbox"
        name="kinds"
        legend={t('start.kindsLegend')}
        hint={t('start.kindsHint')}
        error={errors.kinds}
        options={betrayalKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
        isChecked={(k) => draft.kinds.includes(k)}
        onToggle={(k, checked) =>
          onChange({
            ...draft,
            // Keep the catalogue's order whatever order the boxes were ticked in; "rather not
            // say" stands alone, so ticking it clears the others and ticking another clears it.
            kinds: betrayalKinds.filter((x) =>
              x === k
                ? checked
                : checked && (k === 'unsaid' || x === 'unsaid')
                  ? false
                  : draft.kinds.includes(x),
            ),
          })
        }
      />
      <div className="field">
        <label htmlFor="cameToLight">{t('start.whenLabel')}</label>
        <span id={whenHint} className="hint">
          {t('start.whenHint')}
        </span>
        <FieldError id={whenError}>{errors.cameToLight}</FieldError>
        <select
          id="cameToLight"
          name="cameToLight"
          value={draft.cameToLight}
          aria-invalid={errors.cameToLight ? true : undefined}
          aria-describedby={describedBy(whenHint, errors.cameToLight && whenError)}
          onChange={(e) => onChange({ ...draft, cameToLight: e.target.value as CameToLight | '' })}
        >
          <option value="">{t('start.whenChoose')}</option>
          {cameToLightOptions.map((c) => (
            <option key={c} value={c}>
              {cameToLightLabel(c)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
