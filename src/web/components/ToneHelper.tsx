import { reviewTone } from '../../core/tone/tone.js';

/**
 * A gentle note under a text field before it is sent: what in the words may land hard, and a
 * gentler way to start. It never blocks sending. Use it under every text a partner will read
 * (a question, an answer, a meeting note, a letter): `<ToneHelper text={value} />`.
 *
 * (Placeholder until the helper lands: shows nothing.)
 */
export function ToneHelper({ text }: { text: string }) {
  const findings = reviewTone(text);
  if (findings.length === 0) return null;
  return null;
}
