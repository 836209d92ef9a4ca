import { endpoints } from '../../api/endpoints.js';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client.js';

export const closenessKeys = {
  all: ['closeness'] as const,
  mine: ['closeness', 'mine'] as const,
  matches: ['closeness', 'matches'] as const,
};

export const useMyCloseness = (enabled: boolean) =>
  useQuery({
    queryKey: closenessKeys.mine,
    queryFn: () => call(endpoints.closeness.mine),
    enabled,
    // Marks are private and small: never kept longer than the visit.
    staleTime: 0,
  });

export const useClosenessMatches = (enabled: boolean) =>
  useQuery({
    queryKey: closenessKeys.matches,
    queryFn: () => call(endpoints.closeness.matches),
    enabled,
    // The partner may finish their round at any time.
    staleTime: 0,
  });
