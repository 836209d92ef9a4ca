import { useEffect } from 'react';
import { t } from '../../shared/i18n/messages.js';

const NEUTRAL_ICON = '/favicon-neutral.svg';
let discreetNow = false;

/** The document title for a screen: neutral in discreet mode, so a glance does not say what this is. */
export const documentTitle = (screen: string): string =>
  discreetNow ? t('discreet.title') : `${screen} · ${t('app.name')}`;

/**
 * Discreet mode: while it is on, the tab, the history and the task switcher show a neutral title
 * and icon instead of the app's name and the screen's.
 */
export function useDiscreetTitle(discreet: boolean): void {
  useEffect(() => {
    discreetNow = discreet;
    if (!discreet) return;
    const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    const originalIcon = icon?.getAttribute('href') ?? null;
    document.title = t('discreet.title');
    icon?.setAttribute('href', NEUTRAL_ICON);
    return () => {
      discreetNow = false;
      if (icon && originalIcon) icon.setAttribute('href', originalIcon);
    };
  }, [discreet]);
}
