import { useQuery } from '@tanstack/react-query';
import type { MyLinks } from '../../../shared/api/consent.js';
import { call } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';

export const consentKeys = {
  mine: ['consent', 'mine'] as const,
  directory: ['consent', 'directory'] as const,
  clients: ['consent', 'clients'] as const,
};

/** The member's own links (never anyone else's). */
export const useMyLinks = () =>
  useQuery({ queryKey: consentKeys.mine, queryFn: () => call(endpoints.consent.myLinks) });

/** The names of the therapists who see the member's check-ins: active links with that consent. */
export const checkinTherapists = (data: MyLinks | undefined): string[] =>
  (data?.links ?? [])
    .filter((l) => l.status === 'active' && l.consents.checkins)
    .map((l) => l.therapist.name);

/**
 * Who besides the member sees their check-ins, for the check-in screens' privacy words ("Only you
 * and Robin"). Empty while loading or when no one does, so the words never promise less than is true
 * for longer than a moment.
 */
export function useCheckinTherapists(): string[] {
  return checkinTherapists(useMyLinks().data);
}

/** Names in a sentence: "Robin", "Robin and Kim", "Robin, Kim and Ash". */
export const joinNames = (names: readonly string[]): string =>
  new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(names);
