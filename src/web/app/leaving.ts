/**
 * Set when the person follows "Get help now": a screen with unsaved words must not stand between
 * them and the crisis page with a "leave this page?" prompt.
 */
export const leaving = { forHelp: false };
