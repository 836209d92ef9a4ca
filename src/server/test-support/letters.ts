import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { LetterList, LetterThread } from '../../shared/api/letters.js';
import { makeCouple, ok, type Member } from './harness.js';

// Requests of the letters and statement tests, each checking its status.

/** Alex was hurt; Sam broke trust (and is the one who writes a statement). */
export async function letterCouple(app: FastifyInstance) {
  const { a, b, journeyId } = await makeCouple(app);
  expect((await b.client.patch('/api/journey', { role: 'broke_trust' })).statusCode).toBe(200);
  return { alex: a, sam: b, journeyId };
}

export const list = (m: Member) => ok<LetterList>(m.client.get('/api/letters'));
export const write = (m: Member, body: Record<string, unknown>) =>
  ok<LetterThread>(m.client.post('/api/letters', body), 201);
export const share = (m: Member, id: string) =>
  ok<LetterThread>(m.client.post(`/api/letters/${id}/share`));
export const answer = (m: Member, id: string, body: Record<string, unknown>) =>
  ok<LetterThread>(m.client.post(`/api/letters/${id}/answers`, body), 201);
export const last = (thread: LetterThread) => thread.versions.at(-1)!;
