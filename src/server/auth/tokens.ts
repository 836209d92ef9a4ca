import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: session tokens and invite links. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Only this hash is stored, so a copy of the database cannot be used to sign in or join. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
