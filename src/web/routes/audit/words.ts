import { t, type MessageKey } from '../../../shared/i18n/messages.js';

const categories = ['checkins', 'screens', 'letters', 'agreements', 'program', 'safety'] as const;

/** A consent category in words ("check-ins"); the log may hold one this version does not know. */
export function categoryWords(category: string | null): string {
  const known = categories.find((c) => c === category);
  return known ? t(`audit.category.${known}` satisfies MessageKey) : t('audit.category.none');
}

const actions = ['read', 'export', 'consent', 'link'] as const;

/** An action's short name for the administrator's table ("Read", "Sharing choice"). */
export function actionWords(action: string): string {
  const known = actions.find((a) => a === action);
  return known ? t(`audit.action.${known}` satisfies MessageKey) : action;
}
