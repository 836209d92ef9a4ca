import { useQuery } from '@tanstack/react-query';
import type {
  AgreementList,
  CommitmentList,
  CommitmentTrends,
} from '../../../shared/api/agreements.js';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import { api } from '../../api/client.js';

export const agreementKeys = { all: ['agreements'] as const };
export const commitmentKeys = { all: ['commitments'] as const };

export const useAgreements = () =>
  useQuery({
    queryKey: agreementKeys.all,
    queryFn: () => api.get<AgreementList>('/api/agreements'),
    // What the partner answered matters more than a saved round trip.
    staleTime: 0,
  });

export const useCommitments = () =>
  useQuery({
    queryKey: commitmentKeys.all,
    queryFn: () => api.get<CommitmentList>('/api/commitments'),
    staleTime: 0,
  });

/** The charts' weekly points; under `commitmentKeys.all`, so an entry or answer reloads them too. */
export const useCommitmentTrends = () =>
  useQuery({
    queryKey: [...commitmentKeys.all, 'trends'],
    queryFn: () => api.get<CommitmentTrends>('/api/commitments/trends'),
    staleTime: 0,
  });

export const categoryLabel = (c: string) => t(`agreements.category.${c}` as MessageKey);
export const rhythmLabel = (r: string) => t(`commitments.rhythm.${r}` as MessageKey);
