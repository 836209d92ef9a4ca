const KEY = 'steadfast.invite';

/**
 * The invitation token, held only for the sign-up or sign-in round trip. sessionStorage ends with
 * the tab, so the token never outlives the visit, and it is cleared once the invitation is used.
 */
export const pendingInvite = {
  get(): string | null {
    try {
      return sessionStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  set(token: string): void {
    try {
      sessionStorage.setItem(KEY, token);
    } catch {
      // Storage can be unavailable (private modes); the join page then keeps the token in memory.
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // Nothing to clear.
    }
  },
};
