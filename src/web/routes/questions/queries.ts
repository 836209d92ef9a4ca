import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints.js';
import { call } from '../../api/client.js';

export const questionKeys = {
  all: ['questions'] as const,
  state: ['questions', 'state'] as const,
  thread: ['questions', 'thread'] as const,
};

/** Whether I ask, how my questions are open, and whether my partner's are open now. */
export const useQuestionsState = (enabled = true) =>
  useQuery({
    queryKey: questionKeys.state,
    queryFn: () => call(endpoints.questions.state),
    enabled,
    // Open or closed changes with the clock and the partner: read it fresh on every visit.
    staleTime: 0,
  });

/** The thread, newest first, a page at a time. */
export const useQuestionThread = (enabled = true) =>
  useInfiniteQuery({
    queryKey: questionKeys.thread,
    initialPageParam: '',
    enabled,
    staleTime: 0,
    queryFn: ({ pageParam }) =>
      call(endpoints.questions.list, { query: { cursor: pageParam || undefined } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
