import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';

export const caseloadKeys = {
  caseload: ['caseload'] as const,
  summary: (id: string, since: string | undefined) => ['caseload', 'summary', id, since] as const,
  options: ['caseload', 'suggestion-options'] as const,
  mine: ['suggestions'] as const,
};

/** The therapist's caseload (reading it is logged, so it is not refetched on focus). */
export const useCaseload = () =>
  useQuery({
    queryKey: caseloadKeys.caseload,
    queryFn: () => call(endpoints.caseload.caseload),
    refetchOnWindowFocus: false,
  });

export const useSummary = (id: string, since: string | undefined) =>
  useQuery({
    queryKey: caseloadKeys.summary(id, since),
    queryFn: () => call(endpoints.caseload.summary, { params: { id }, query: { since } }),
    refetchOnWindowFocus: false,
    retry: false,
  });

export const useSuggestOptions = () =>
  useQuery({
    queryKey: caseloadKeys.options,
    queryFn: () => call(endpoints.caseload.suggestOptions),
    staleTime: 10 * 60_000,
  });

export function useMarkSeen() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(endpoints.caseload.alertSeen, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: caseloadKeys.caseload }),
  });
}

/** A client's own suggestions from their therapist. */
export const useMySuggestions = (enabled: boolean) =>
  useQuery({
    queryKey: caseloadKeys.mine,
    queryFn: () => call(endpoints.caseload.mySuggestions),
    enabled,
  });

export function useSetAside() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(endpoints.caseload.setAside, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: caseloadKeys.mine }),
  });
}

/** The report's address: a plain download, with the session cookie. */
export const reportHref = (id: string, since: string | undefined) =>
  `/api/therapist/clients/${encodeURIComponent(id)}/report.pdf${since ? `?since=${since}` : ''}`;
