import { endpoints } from '../../api/endpoints.js';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { call } from '../../api/client.js';

export const reconnectionKeys = {
  prompts: ['prompts'] as const,
  appreciations: ['appreciations'] as const,
};

export const usePrompts = (enabled: boolean) =>
  useQuery({
    queryKey: reconnectionKeys.prompts,
    queryFn: () => call(endpoints.prompts.list),
    enabled,
    // Whether the partner has answered changes what is shown: look again on every visit.
    staleTime: 0,
  });

export const useAppreciations = (enabled: boolean) =>
  useInfiniteQuery({
    queryKey: reconnectionKeys.appreciations,
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      call(endpoints.appreciations.list, { query: { cursor: pageParam || undefined } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    staleTime: 0,
  });
