import { endpoints } from '../../api/endpoints.js';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client.js';

export const forgivenessKeys = {
  mine: ['forgiveness', 'mine'] as const,
  partner: ['forgiveness', 'partner'] as const,
  reflections: ['forgiveness', 'reflections'] as const,
};

export const useMyForgiveness = () =>
  useQuery({ queryKey: forgivenessKeys.mine, queryFn: () => call(endpoints.forgiveness.mine) });

/** My partner's chart: empty unless they choose to share it. */
export const usePartnerForgiveness = (enabled: boolean) =>
  useQuery({
    queryKey: forgivenessKeys.partner,
    queryFn: () => call(endpoints.forgiveness.partner),
    enabled,
    // They may start or stop sharing at any time: look again on every visit.
    staleTime: 0,
  });

export const useReflections = () =>
  useQuery({
    queryKey: forgivenessKeys.reflections,
    queryFn: () => call(endpoints.forgiveness.reflections),
  });
