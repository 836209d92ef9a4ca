/**
 * Set when the person follows "Get help now" (a screen with unsaved words must not stand between
 * them and the crisis page with a "leave this page?" prompt), or when the screen is cleared after
 * a long time without use (the prompt would itself tell whoever holds the phone that words are there;
 * the signed-in shell then also leaves the move to the sign-in page to the idle sign-out).
 */
export const leaving = { forHelp: false, forPrivacy: false };
