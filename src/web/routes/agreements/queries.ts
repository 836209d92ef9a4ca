import { useQuery } from '@tanstack/react-query';
import type { AgreementList } from '../../../shared/api/agreements.js';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import { api } from '../../api/client.js';

export const agreementKeys = { all: ['agreements'] as const };

export const useAgreements = () =>
  useQuery({
    queryKey: agreementKeys.all,
    queryFn: () => api.get<AgreementList>('/api/agreements'),
    // What the partner answered matters more than a saved round trip.
    staleTime: 0,
  });

export const categoryLabel = (c: string) => t(`agreements.category.${c}` as MessageKey);
