import { endpoints } from '../../api/endpoints.js';
import { useQuery } from '@tanstack/react-query';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';

export const commitmentKeys = { all: ['commitments'] as const };

export const useCommitments = () =>
  useQuery({
    queryKey: commitmentKeys.all,
    queryFn: () => call(endpoints.commitments.list),
    staleTime: 0,
  });

/** The charts' weekly points; under `commitmentKeys.all`, so an entry or answer reloads them too. */
export const useCommitmentTrends = () =>
  useQuery({
    queryKey: [...commitmentKeys.all, 'trends'],
    queryFn: () => call(endpoints.commitments.trends),
    staleTime: 0,
  });

export const rhythmLabel = (r: string) => t(`commitments.rhythm.${r}` as MessageKey);
