import type { AlertView, ConsentCategory } from '../../../shared/api/caseload.js';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';

export const categoryLabel = (c: ConsentCategory) =>
  t(`caseload.category.${c}` satisfies MessageKey);

export const categoryList = (cs: readonly ConsentCategory[]) => cs.map(categoryLabel).join(', ');

export const alertWords = (a: AlertView) =>
  t(`caseload.alert.${a.kind}` satisfies MessageKey, { name: a.clientName });

export const changeLabel = (c: string | null) =>
  c === null ? t('caseload.change.none') : t(`caseload.change.${c}` as MessageKey);

/** YYYY-MM-DD of an instant, in UTC (the day the summary starts from). */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
