import { endpoints } from '../../api/endpoints.js';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client.js';

/** The questionnaires the product offers (the server refuses to start without them). */
export const screenIds = ['phq9', 'gad7'] as const;

export const screenKeys = {
  all: ['screens'] as const,
  instruments: ['screens', 'instruments'] as const,
  instrument: (id: string) => ['screens', 'instruments', id] as const,
  history: (id: string) => ['screens', 'history', id] as const,
  trends: (days: number) => ['checkins', 'trends', days] as const,
};

export const useInstruments = () =>
  useQuery({
    queryKey: screenKeys.instruments,
    queryFn: () => call(endpoints.screens.instruments),
    staleTime: 10 * 60_000,
  });

export const useInstrument = (id: string) =>
  useQuery({
    queryKey: screenKeys.instrument(id),
    queryFn: () => call(endpoints.screens.instrument, { params: { id } }),
    staleTime: 10 * 60_000,
  });

/** The person's own results of one questionnaire, oldest first, and whether to suggest a retake. */
export const historyQuery = (id: string) => ({
  queryKey: screenKeys.history(id),
  queryFn: () => call(endpoints.screens.history, { query: { instrument: id } }),
});

export const useScreenHistory = (id: string) => useQuery(historyQuery(id));

export const useCheckinTrends = (days: number) =>
  useQuery({
    queryKey: screenKeys.trends(days),
    queryFn: () => call(endpoints.checkins.trends, { query: { days } }),
  });
