import { endpoints } from './endpoints.js';
import {
  QueryCache,
  QueryClient,
  MutationCache,
  useInfiniteQuery,
  useQuery,
  type InfiniteData,
} from '@tanstack/react-query';
import type { Me } from '../../shared/api/auth.js';
import type { Checkin, CheckinPage } from '../../shared/api/checkins.js';
import { call, isApiError, setSignedInUser } from './client.js';

/** `GET /api/auth/session` answers with the person signed in on this device, or null. */
export interface SessionState {
  readonly user: Me | null;
  /** Minutes without use after which the session ends (absent while nobody is signed in). */
  readonly idleMinutes?: number;
  /** Neutral page title and icon (discreet mode). */
  readonly discreet?: boolean;
  /** Two-factor sign-in: on or not, and required (therapists, administrators: setup comes first). */
  readonly twoFactor?: { readonly enabled: boolean; readonly required: boolean };
}

export const keys = {
  session: ['session'] as const,
  setup: ['setup'] as const,
  journey: ['journey'] as const,
  checkins: ['checkins'] as const,
  latestCheckin: ['checkins', 'latest'] as const,
  safety: ['safety'] as const,
  crisis: ['crisis'] as const,
};

/** A session that ended (idle time-out, signed out elsewhere) shows the sign-in page, with nothing cached. */
function onSessionEnded(client: QueryClient, error: unknown): void {
  if (isApiError(error) && error.problem.code === 'auth.unauthenticated') {
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
    client.setQueryData<SessionState>(keys.session, { user: null });
  }
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onSessionEnded(client, error) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => {
        // A screen holding unsaved words handles the ended session itself, so nothing is lost.
        if (mutation.meta?.keepsUnsavedText !== true) onSessionEnded(client, error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Problems the person can act on (4xx) are shown at once; a dropped connection is retried once.
        retry: (count, error) => count < 1 && isApiError(error) && error.status === 0,
      },
      mutations: { retry: false },
    },
  });
  // Whatever updates the session (a fetch, sign-in, sign-out, an ended session) also updates whom
  // the API client says it acts for.
  client.getQueryCache().subscribe((event) => {
    const [scope] = event.query.queryKey as readonly unknown[];
    if (scope === keys.session[0]) {
      setSignedInUser((event.query.state.data as SessionState | undefined)?.user?.id);
    }
  });
  return client;
}

/** After sign-in, sign-up or setup: nothing cached from whoever used this tab before survives. */
export function startSession(client: QueryClient, session: SessionState): void {
  client.clear();
  client.setQueryData<SessionState>(keys.session, session);
}

export const useSession = () =>
  useQuery({
    queryKey: keys.session,
    queryFn: (): Promise<SessionState> => call(endpoints.auth.session),
    staleTime: Infinity,
  });

export const useSetupStatus = () =>
  useQuery({ queryKey: keys.setup, queryFn: () => call(endpoints.setup.status) });

export const useJourney = (options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: keys.journey,
    queryFn: () => call(endpoints.journeys.mine),
    enabled: options.enabled ?? true,
    // Whether the partner has joined changes what each screen offers: check on every screen.
    staleTime: 0,
  });

export const useCheckins = () =>
  useInfiniteQuery({
    queryKey: keys.checkins,
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      call(endpoints.checkins.list, { query: { cursor: pageParam || undefined } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useLatestCheckin = () =>
  useQuery({
    queryKey: keys.latestCheckin,
    queryFn: async () =>
      (await call(endpoints.checkins.list, { query: { limit: 1, preview: '1' } })).items[0] ?? null,
  });

/** Puts a changed check-in in place in every loaded page, so the list does not jump. */
export function replaceCheckin(client: QueryClient, next: Checkin): void {
  client.setQueryData<InfiniteData<CheckinPage>>(keys.checkins, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => ({
            ...p,
            items: p.items.map((c) => (c.id === next.id ? next : c)),
          })),
        }
      : data,
  );
}

export function removeCheckin(client: QueryClient, id: string): void {
  client.setQueryData<InfiniteData<CheckinPage>>(keys.checkins, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== id) })),
        }
      : data,
  );
}

/** The person's own safety check and settings. */
export const useSafety = (options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: keys.safety,
    queryFn: () => call(endpoints.safety.status),
    enabled: options.enabled ?? true,
  });

/** Crisis and abuse lines, as the practice keeps them. */
export const useCrisisLines = () =>
  useQuery({
    queryKey: keys.crisis,
    queryFn: () => call(endpoints.crisis.lines),
    staleTime: 10 * 60_000,
  });
