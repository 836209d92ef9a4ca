/**
 * Set when the person follows "Get help now" (a screen with unsaved words must not stand between
 * them and the crisis page with a "leave this page?" prompt), or when the screen is cleared after
 * a long time without use (the prompt would itself tell whoever holds the phone that words are there;
 * the signed-in shell then also leaves the move to the sign-in page to the idle sign-out).
 */
export const leaving = { forHelp: false, forPrivacy: false };

/**
 * The sign-in page, once shown after the screen was cleared, ends that leave and shows the screen
 * again. Not earlier: until then the signed-in shell must not send to a plain sign-in page itself
 * (which would drop the "signed out after a while" notice), nor show what was on the screen.
 */
export function privacyLeaveOver(): void {
  if (!leaving.forPrivacy) return;
  leaving.forPrivacy = false;
  const root = document.getElementById('root');
  if (root) root.hidden = false;
}
