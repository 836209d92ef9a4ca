import {
  contactMethods,
  INTAKE_MESSAGE_MAX,
  INTAKE_NAME_MAX,
  lookingForKinds,
} from '../../../shared/api/intake.js';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import { html, layout, raw, type Html } from '../../pages/html.js';

/** The form's fields, in the order they appear (and in which the error summary lists them). */
export const intakeFields = [
  'lookingFor',
  'therapist',
  'contactMethod',
  'contactDetail',
  'safeToLeaveMessage',
  'times',
  'name',
  'message',
  'confirmByEmail',
] as const;
export type IntakeField = (typeof intakeFields)[number];

/** What the person typed or chose, exactly as the form sent it, to show it back. */
export type FormValues = Partial<Record<IntakeField, string>>;
export type FormErrors = Partial<Record<IntakeField, string>>;

/** The element each field's error leads to: the control, or a group's first choice. */
export const fieldAnchor = (field: IntakeField): string =>
  field === 'lookingFor'
    ? `intake-lookingFor-${lookingForKinds[0]}`
    : field === 'contactMethod'
      ? `intake-contactMethod-${contactMethods[0]}`
      : field === 'safeToLeaveMessage'
        ? 'intake-safeToLeaveMessage-yes'
        : `intake-${field}`;

const errorId = (field: IntakeField) => `intake-${field}-error`;
const hintId = (field: IntakeField) => `intake-${field}-hint`;

const describedBy = (field: IntakeField, errors: FormErrors, hasHint: boolean): Html => {
  const ids = [hasHint ? hintId(field) : '', errors[field] ? errorId(field) : '']
    .filter(Boolean)
    .join(' ');
  return ids ? html` aria-describedby="${ids}"` : raw('');
};
const invalid = (field: IntakeField, errors: FormErrors): Html =>
  errors[field] ? raw(' aria-invalid="true"') : raw('');
const errorLine = (field: IntakeField, errors: FormErrors): Html | string =>
  errors[field]
    ? html`<span id="${errorId(field)}" class="field-error"
        ><span class="visually-hidden">${t('intake.errorPrefix')}</span> ${errors[field]}</span
      >`
    : '';
const checked = (on: boolean): Html => (on ? raw(' checked') : raw(''));

/** A group of choices (radio buttons) in a fieldset, its hint and error tied to the group. */
function radios(
  field: IntakeField,
  legend: string,
  options: readonly { value: string; label: string; hint?: string }[],
  values: FormValues,
  errors: FormErrors,
  hint?: string,
): Html {
  return html`<fieldset class="field" ${describedBy(field, errors, hint !== undefined)}>
    <legend>${legend}</legend>
    ${hint ? html`<span id="${hintId(field)}" class="hint">${hint}</span>` : ''}
    ${errorLine(field, errors)}
    <div class="choices">
      ${options.map(
        (o) =>
          html`<label class="choice" for="intake-${field}-${o.value}">
            <input
              type="radio"
              id="intake-${field}-${o.value}"
              name="${field}"
              value="${o.value}"
              ${checked(values[field] === o.value)}
            />
            <span
              ><span class="choice-title">${o.label}</span>${
                o.hint ? html`<span class="choice-text">${o.hint}</span>` : ''
              }</span
            >
          </label>`,
      )}
    </div>
  </fieldset>`;
}

function textInput(
  field: IntakeField,
  label: string,
  values: FormValues,
  errors: FormErrors,
  opts: { hint?: string; type?: string; autocomplete?: string; maxlength?: number } = {},
): Html {
  return html`<div class="field">
    <label for="intake-${field}">${label}</label>
    ${opts.hint ? html`<span id="${hintId(field)}" class="hint">${opts.hint}</span>` : ''}
    ${errorLine(field, errors)}
    <input
      type="${opts.type ?? 'text'}"
      id="intake-${field}"
      name="${field}"
      value="${values[field] ?? ''}"
      autocomplete="${opts.autocomplete ?? 'off'}"
      ${opts.maxlength ? html`maxlength="${opts.maxlength}"` : ''}${invalid(field, errors)}${describedBy(
        field,
        errors,
        opts.hint !== undefined,
      )}
    />
  </div>`;
}

function textArea(
  field: IntakeField,
  label: string,
  values: FormValues,
  errors: FormErrors,
  hint: string,
  rows: number,
): Html {
  return html`<div class="field">
    <label for="intake-${field}">${label}</label>
    <span id="${hintId(field)}" class="hint">${hint}</span>
    ${errorLine(field, errors)}
    <textarea
      id="intake-${field}"
      name="${field}"
      rows="${rows}"
      ${invalid(field, errors)}${describedBy(field, errors, true)}
    >
${values[field] ?? ''}</textarea>
  </div>`;
}

/** Calm words first: where to go now if someone is in danger, and how the practice replies. */
const safetyFirst = html`<div class="panel" role="note">
  <p>
    ${t('intake.dangerBefore')} <a href="/help">${t('intake.dangerLink')}</a>
    ${t('intake.dangerAfter')}
  </p>
  <p>${t('intake.replyWay')}</p>
</div>`;

const lookingForKey: Record<(typeof lookingForKinds)[number], MessageKey> = {
  individual: 'intake.lookingFor.individual',
  couple: 'intake.lookingFor.couple',
  group: 'intake.lookingFor.group',
};
const contactKey: Record<(typeof contactMethods)[number], MessageKey> = {
  email: 'intake.contact.email',
  call: 'intake.contact.call',
  text: 'intake.contact.text',
};

/** The request form, with what the person wrote and, after a refused send, what to change. */
export function intakeFormPage(opts: {
  therapists: readonly { slug: string; name: string }[];
  values: FormValues;
  errors: FormErrors;
}): string {
  const { values, errors, therapists } = opts;
  const problems = intakeFields.filter((f) => errors[f]);
  const summary = problems.length
    ? html`<div class="error-summary" role="alert" aria-labelledby="intake-errors-title">
        <h2 id="intake-errors-title">${t('intake.errorsTitle')}</h2>
        <p>${t('intake.errorsKept')}</p>
        <ul>
          ${problems.map((f) => html`<li><a href="#${fieldAnchor(f)}">${errors[f]}</a></li>`)}
        </ul>
      </div>`
    : '';
  const chosen = values.therapist ?? '';
  const body = html`<h1>${t('intake.title')}</h1>
    <p class="lede">${t('intake.lede')}</p>
    ${safetyFirst} ${summary}
    <form class="form" method="post" action="/intake" novalidate>
      ${radios(
        'lookingFor',
        t('intake.lookingForLegend'),
        lookingForKinds.map((k) => ({ value: k, label: t(lookingForKey[k]) })),
        values,
        errors,
      )}
      <div class="field">
        <label for="intake-therapist">${t('intake.therapistLabel')}</label>
        <span id="${hintId('therapist')}" class="hint">${t('intake.therapistHint')}</span>
        ${errorLine('therapist', errors)}
        <select
          id="intake-therapist"
          name="therapist"
          ${invalid('therapist', errors)}${describedBy('therapist', errors, true)}
        >
          <option value="">${t('intake.therapistAnyone')}</option>
          ${therapists.map(
            (p) =>
              html`<option value="${p.slug}" ${p.slug === chosen ? raw(' selected') : ''}>
                ${p.name}
              </option>`,
          )}
        </select>
      </div>
      ${radios(
        'contactMethod',
        t('intake.contactLegend'),
        contactMethods.map((m) => ({ value: m, label: t(contactKey[m]) })),
        values,
        errors,
        t('intake.contactHint'),
      )}
      ${textInput('contactDetail', t('intake.detailLabel'), values, errors, {
        hint: t('intake.detailHint'),
        maxlength: 200,
      })}
      ${radios(
        'safeToLeaveMessage',
        t('intake.safeLegend'),
        [
          { value: 'yes', label: t('intake.safeYes') },
          { value: 'no', label: t('intake.safeNo') },
        ],
        values,
        errors,
        t('intake.safeHint'),
      )}
      ${textArea('times', t('intake.timesLabel'), values, errors, t('intake.timesHint'), 2)}
      ${textInput('name', t('intake.nameLabel'), values, errors, {
        hint: t('intake.nameHint'),
        maxlength: INTAKE_NAME_MAX,
      })}
      ${textArea(
        'message',
        t('intake.messageLabel'),
        values,
        errors,
        t('intake.messageHint', { max: INTAKE_MESSAGE_MAX.toLocaleString('en') }),
        5,
      )}
      <div class="field">
        ${errorLine('confirmByEmail', errors)}
        <label class="choice" for="intake-confirmByEmail">
          <input
            type="checkbox"
            id="intake-confirmByEmail"
            name="confirmByEmail"
            value="yes"
            ${checked(values.confirmByEmail !== undefined)}${invalid(
              'confirmByEmail',
              errors,
            )}${describedBy('confirmByEmail', errors, true)}
          />
          <span
            ><span class="choice-title">${t('intake.confirmLabel')}</span
            ><span id="${hintId('confirmByEmail')}" class="choice-text"
              >${t('intake.confirmHint')}</span
            ></span
          >
        </label>
      </div>
      <p class="actions">
        <button type="submit" class="button primary">${t('intake.send')}</button>
      </p>
    </form>`;
  return layout({ title: t('intake.title'), description: t('intake.lede'), body });
}

/** After a request arrived. */
export const intakeSentPage = (): string =>
  layout({
    title: t('intake.sentTitle'),
    body: html`<h1>${t('intake.sentTitle')}</h1>
      <p class="lede">${t('intake.sentLede')}</p>
      <p>${t('intake.sentNext')}</p>
      <div class="panel" role="note">
        <p>
          ${t('intake.dangerBefore')} <a href="/help">${t('intake.dangerLink')}</a>
          ${t('intake.dangerAfter')}
        </p>
      </div>
      <p class="actions">
        <a class="button" href="/learn">${t('intake.toLearn')}</a>
        <a class="button" href="/tools">${t('intake.toTools')}</a>
      </p>`,
  });

/** While the practice takes no requests: said kindly, with where else help is. */
export const intakeClosedPage = (): string =>
  layout({
    title: t('intake.closedTitle'),
    body: html`<h1>${t('intake.closedTitle')}</h1>
      <p class="lede">${t('intake.closedLede')}</p>
      <div class="panel" role="note">
        <p>
          ${t('intake.dangerBefore')} <a href="/help">${t('intake.dangerLink')}</a>
          ${t('intake.dangerAfter')}
        </p>
      </div>
      <p>${t('intake.closedDirectory')}</p>
      <p class="actions">
        <a class="button primary" href="/therapists">${t('intake.toDirectory')}</a>
        <a class="button" href="/help">${t('intake.dangerLink')}</a>
      </p>`,
  });

/** Past the hourly limit for this address: nothing lost, nothing blamed. */
export const intakeLimitPage = (): string =>
  layout({
    title: t('intake.limitTitle'),
    body: html`<h1>${t('intake.limitTitle')}</h1>
      <p class="lede">${t('intake.limitLede')}</p>
      <div class="panel" role="note">
        <p>
          ${t('intake.dangerBefore')} <a href="/help">${t('intake.dangerLink')}</a>
          ${t('intake.dangerAfter')}
        </p>
      </div>`,
  });
