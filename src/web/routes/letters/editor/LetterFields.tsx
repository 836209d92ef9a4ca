import {
  LETTER_TEXT_MAX,
  STATEMENT_PART_MAX,
  statementParts,
  type LetterKind,
} from '../../../../core/letters/letter.js';
import { graphemeCount } from '../../../../core/text/text.js';
import { t } from '../../../../shared/i18n/messages.js';
import { describedBy, FieldError } from '../../../components/form.js';
import { ToneHelper } from '../../../components/ToneHelper.js';
import { formatCount } from '../../labels.js';
import { joinParts } from './content.js';
import type { LetterDraft } from './useLetterDraft.js';

interface FieldsProps {
  readonly kind: LetterKind;
  readonly draft: LetterDraft;
  /** The partner's name, for the hints. */
  readonly name: string;
  readonly onChange: (text: string) => void;
}

/** Where the words are written: one text for a letter, four guided parts for a statement. */
export function LetterFields(props: FieldsProps) {
  return props.kind === 'statement' ? (
    <StatementFields {...props} />
  ) : (
    <LetterTextField {...props} />
  );
}

function StatementFields({ draft, name, onChange }: FieldsProps) {
  const { parts, partOver } = draft;
  return statementParts.map((p) => {
    const id = `statement-${p}`;
    const tooLongPart = partOver(p)
      ? t('statement.partTooLong', { max: formatCount(STATEMENT_PART_MAX) })
      : undefined;
    return (
      <div className="field" key={p}>
        <label htmlFor={id}>{t(`statement.part.${p}`)}</label>
        <span id={`${id}-hint`} className="hint">
          {t(`statement.hint.${p}`, { name })}
        </span>
        <FieldError id={`${id}-error`}>{tooLongPart}</FieldError>
        <textarea
          dir="auto"
          id={id}
          name={p}
          rows={6}
          value={parts[p]}
          aria-invalid={tooLongPart ? true : undefined}
          aria-describedby={describedBy(`${id}-hint`, tooLongPart && `${id}-error`, `${id}-count`)}
          onChange={(e) => onChange(joinParts({ ...parts, [p]: e.target.value }))}
        />
        <p id={`${id}-count`} className={partOver(p) ? 'count over' : 'count'}>
          {t('checkin.count', {
            count: formatCount(graphemeCount(parts[p])),
            max: formatCount(STATEMENT_PART_MAX),
          })}
        </p>
        <ToneHelper text={parts[p]} />
      </div>
    );
  });
}

function LetterTextField({ kind, draft, name, onChange }: FieldsProps) {
  const { text, over } = draft;
  const hintKey =
    kind === 'impact'
      ? 'letters.editor.impactHint'
      : kind === 'reflection'
        ? 'letters.editor.reflectionHint'
        : kind === 'forgiveness'
          ? 'letters.editor.forgivenessHint'
          : 'letters.editor.unsentHint';
  const tooLong = over
    ? t('letters.editor.tooLong', { max: formatCount(LETTER_TEXT_MAX) })
    : undefined;
  return (
    <div className="field">
      <label htmlFor="letter-text">
        {kind === 'reflection' ? t('letters.editor.reflectionLabel') : t('letters.editor.label')}
      </label>
      <span id="letter-text-hint" className="hint">
        {t(hintKey, { name })}
      </span>
      <FieldError id="letter-text-error">{tooLong}</FieldError>
      <textarea
        dir="auto"
        id="letter-text"
        name="text"
        rows={16}
        value={text}
        aria-invalid={tooLong ? true : undefined}
        aria-describedby={describedBy(
          'letter-text-hint',
          tooLong && 'letter-text-error',
          'letter-text-count',
        )}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id="letter-text-count" className={over ? 'count over' : 'count'}>
        {t('checkin.count', {
          count: formatCount(graphemeCount(text)),
          max: formatCount(LETTER_TEXT_MAX),
        })}
      </p>
      {/* A letter for oneself is never sent: its words are the writer's own to vent. */}
      {kind === 'unsent' ? null : <ToneHelper text={text} />}
    </div>
  );
}
