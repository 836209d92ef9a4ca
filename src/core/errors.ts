/**
 * Every rule the domain can refuse, with a stable code. The server maps codes to HTTP problem details
 * in one place (src/server/problems.ts); the CLI prints the same messages.
 */
export const errorCodes = [
  'auth.unauthenticated',
  'auth.forbidden',
  'auth.invalid_credentials',
  'auth.rate_limited',
  'auth.password_weak',
  'auth.password_length',
  'session.changed',
  'auth.email_taken',
  'csrf.missing',
  'setup.done',
  'journey.none',
  'journey.exists',
  'journey.not_together',
  'journey.full',
  'journey.has_partner',
  'invite.invalid',
  'invite.used',
  'invite.expired',
  'invite.revoked',
  'invite.own',
  'invite.not_found',
  'checkin.not_found',
  'cursor.invalid',
  'not_found',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
