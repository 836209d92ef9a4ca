import type { Feeling } from '../../core/checkins/checkin.js';
import type {
  BetrayalKind,
  CameToLight,
  JourneyPath,
  MemberRole,
} from '../../core/journeys/journey.js';
import { t, type MessageKey } from '../../shared/i18n/messages.js';

/** The words for each value the API uses, looked up in the message catalog. */
export const pathLabel = (p: JourneyPath) => t(`path.${p}` satisfies MessageKey);
export const pathText = (p: JourneyPath) => t(`path.${p}.text` satisfies MessageKey);
export const roleLabel = (r: MemberRole) => t(`role.${r}` satisfies MessageKey);
export const kindLabel = (k: BetrayalKind) => t(`kind.${k}` satisfies MessageKey);
export const cameToLightLabel = (c: CameToLight) => t(`cameToLight.${c}` satisfies MessageKey);
export const feelingLabel = (f: Feeling) => t(`feeling.${f}` satisfies MessageKey);

const dateTime = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: 'numeric',
  minute: '2-digit',
});
const dateTimeWithYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "Tuesday 3 March at 21:14", with the year only when it is not this year. */
export function formatWhen(ms: number): string {
  const d = new Date(ms);
  return (d.getFullYear() === new Date().getFullYear() ? dateTime : dateTimeWithYear).format(d);
}

export const formatDate = (ms: number): string => dateOnly.format(new Date(ms));

export const formatCount = (n: number): string => n.toLocaleString('en');
