import { useEffect, useId, useMemo, useState } from 'react';
import { reviewTone, toneKindsOf, tonePhrases } from '../../core/tone/tone.js';
import { Isolated } from './bidi.js';
import { enSteps } from '../../shared/i18n/en-steps.js';
import { ts } from '../../shared/i18n/steps.js';

/** How long the words rest before the note follows them: it answers pauses, not every key. */
const SETTLE_MS = 600;
/** Enough quoted phrases to recognise the words; the rest are the same kind of thing. */
const MAX_PHRASES = 3;

/** The value once it has stopped changing for `ms` (the first value at once). */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * A gentle note under a text field before it is sent: what in the words may land hard, and a
 * gentler way to start. It reads the words here in the browser, sends nothing anywhere, and never
 * blocks or disables sending. Use it under every text a partner will read (a question, an answer,
 * a meeting note, a letter): `<ToneHelper text={value} />`.
 *
 * A polite status region stays mounted and holds only a summary of the kinds found, so a screen
 * reader hears the note when the kinds change, not on every keystroke; the note itself is plain
 * text below it.
 */
export function ToneHelper({ text }: { text: string }) {
  const settled = useSettled(text, SETTLE_MS);
  const findings = useMemo(() => reviewTone(settled), [settled]);
  const kinds = toneKindsOf(findings);
  const headingId = useId();
  const summary =
    kinds.length > 0
      ? [ts('tone.live'), ...kinds.map((kind) => `${ts(`tone.kind.${kind}`)}.`)].join(' ')
      : '';
  return (
    <>
      <div role="status" className="visually-hidden">
        {summary}
      </div>
      {kinds.length > 0 ? (
        <div className="tone-note" role="group" aria-labelledby={headingId}>
          <p id={headingId} className="tone-note-heading">
            {ts('tone.heading')}
          </p>
          <p>{ts('tone.lede')}</p>
          <ul>
            {kinds.map((kind) => (
              <li key={kind}>
                <strong>{ts(`tone.kind.${kind}`)}.</strong>{' '}
                <Isolated
                  template={enSteps['tone.phrases']}
                  vars={{
                    phrases: tonePhrases(findings, kind)
                      .slice(0, MAX_PHRASES)
                      .map((p) => `“${p}”`)
                      .join(', '),
                  }}
                />{' '}
                {ts(`tone.why.${kind}`)}
              </li>
            ))}
          </ul>
          <p>{ts('tone.gentler')}</p>
          <p className="tone-note-example">{ts('tone.example')}</p>
          <p>{ts('tone.sendAsIs')}</p>
        </div>
      ) : null}
    </>
  );
}
