import { endpoints } from '../../api/endpoints.js';
import { useQuery } from '@tanstack/react-query';
import type { LetterList, LetterThread, LetterVersion } from '../../../shared/api/letters.js';
import { call } from '../../api/client.js';

export const letterKeys = { all: ['letters'] as const };

export const useLetters = () =>
  useQuery({
    queryKey: letterKeys.all,
    queryFn: () => call(endpoints.letters.list),
    // What the partner sent or answered matters more than a saved round trip.
    staleTime: 0,
  });

/** The newest sent version of the letter a thread is about. */
export const latestSentLetter = (thread: LetterThread): LetterVersion | undefined =>
  thread.versions.filter((v) => v.kind === 'impact' && v.state === 'shared').at(-1);

/** My draft in a thread, if I have one. */
export const myDraft = (thread: LetterThread): LetterVersion | undefined =>
  thread.versions.find((v) => v.mine && v.state === 'draft');

/** The thread holding a version, and the version itself. */
export function findVersion(
  list: LetterList | undefined,
  id: string,
): { thread: LetterThread; version: LetterVersion } | undefined {
  for (const thread of list?.threads ?? []) {
    const version = thread.versions.find((v) => v.id === id);
    if (version) return { thread, version };
  }
  return undefined;
}
