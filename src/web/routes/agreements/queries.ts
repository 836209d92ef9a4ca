import { endpoints } from '../../api/endpoints.js';
import { useQuery } from '@tanstack/react-query';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import { call } from '../../api/client.js';

export const agreementKeys = { all: ['agreements'] as const };

export const useAgreements = () =>
  useQuery({
    queryKey: agreementKeys.all,
    queryFn: () => call(endpoints.agreements.list),
    // What the partner answered matters more than a saved round trip.
    staleTime: 0,
  });

export const categoryLabel = (c: string) => t(`agreements.category.${c}` as MessageKey);
