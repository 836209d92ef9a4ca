import { enSteps } from './en-steps.js';
import { translator, type MessageKeyOf, type PluralKeyOf } from './messages.js';

/** Messages of steps 4–7 (en-steps.ts), kept out of the app shell; used like `t`. */
export const ts = translator(enSteps);
export type StepsMessageKey = MessageKeyOf<typeof enSteps>;
export type StepsPluralKey = PluralKeyOf<typeof enSteps>;
