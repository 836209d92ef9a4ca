import type { InstrumentView } from '../../../shared/api/screens.js';
import { t } from '../../../shared/i18n/messages.js';

/**
 * The published sources, named on screen: the questionnaire's (its licence asks for it wherever it
 * is taken or its results are shown) and, where reliable change is shown, the convention's.
 */
export function Sources({
  instrument,
  withRule,
}: {
  instrument: InstrumentView;
  withRule: boolean;
}) {
  const points = instrument.reliableChangePoints;
  const source = instrument.reliableChangeSource;
  return (
    <div className="small">
      <p>{instrument.source.attribution}</p>
      {withRule ? (
        <p>
          {points === null
            ? t('screens.changeRuleOther', { source })
            : t('screens.changeRule', { count: points, source })}
        </p>
      ) : null}
    </div>
  );
}
