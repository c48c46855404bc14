import type {
  TCoachProfile,
  TConsentStatus,
  TConsultation,
  TErasure,
  TInstrumentDefinition,
  TScoreResult,
  TShare,
  TShareScope,
  TStoredResult,
  TStoreResultOut,
  TWellbeingSettings,
} from '@lifeline/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/api-fetch';

// Types only from the shared schemas: the phone bundle carries no validation code for them.
export type {
  TCoachProfile,
  TConsentStatus,
  TErasure,
  TInstrumentDefinition,
  TScoreResult,
  TShare,
  TShareScope,
  TStoredResult,
  TStoreResultOut,
  TWellbeingSettings,
};

const KEY = ['wellbeing'] as const;
const A = '/api/assessments';
const C = '/api/counselling';

export const wellbeingKeys = {
  all: KEY,
  instruments: [...KEY, 'instruments'] as const,
  settings: [...KEY, 'settings'] as const,
  consents: [...KEY, 'consents'] as const,
  results: (instrument: string) => [...KEY, 'results', 'list', instrument] as const,
  resultLists: [...KEY, 'results', 'list'] as const,
  result: (id: number) => [...KEY, 'results', 'one', id] as const,
  shares: [...KEY, 'shares'] as const,
  coaches: [...KEY, 'coaches'] as const,
};

/** The instruments one may take, in the order the server lists them. */
export function useInstruments() {
  return useQuery({
    queryKey: wellbeingKeys.instruments,
    queryFn: ({ signal }) => apiFetch<TInstrumentDefinition[]>(`${A}/instruments`, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Retention and the help shown on the care path; nothing personal. */
export function useWellbeingSettings() {
  return useQuery({
    queryKey: wellbeingKeys.settings,
    queryFn: ({ signal }) => apiFetch<TWellbeingSettings>(`${A}/settings`, { signal }),
  });
}

/** My consent, one entry per instrument, with the wording version to agree to. */
export function useConsents() {
  return useQuery({
    queryKey: wellbeingKeys.consents,
    queryFn: ({ signal }) => apiFetch<TConsentStatus[]>(`${A}/consents`, { signal }),
  });
}

/** My stored results of one instrument, newest first. */
export function useResults(instrument: string | null) {
  return useQuery({
    queryKey: wellbeingKeys.results(instrument ?? ''),
    queryFn: ({ signal }) =>
      apiFetch<TStoredResult[]>(`${A}/results?instrument=${encodeURIComponent(instrument ?? '')}`, {
        signal,
      }),
    enabled: !!instrument,
  });
}

/** One stored result of mine. */
export function useResult(id: number) {
  return useQuery({
    queryKey: wellbeingKeys.result(id),
    queryFn: ({ signal }) => apiFetch<TStoredResult>(`${A}/results/${id}`, { signal }),
  });
}

/** The shares I have given that still stand. */
export function useShares() {
  return useQuery({
    queryKey: wellbeingKeys.shares,
    queryFn: ({ signal }) => apiFetch<TShare[]>(`${A}/shares`, { signal }),
  });
}

/** The coaches and volunteers who take requests. */
export function useCoaches() {
  return useQuery({
    queryKey: wellbeingKeys.coaches,
    queryFn: ({ signal }) => apiFetch<TCoachProfile[]>(`${C}/coaches`, { signal }),
  });
}

/** Where a coach's photo is served from (only when `hasPhoto`). */
export const coachPhotoUrl = (personId: number) => `${C}/coaches/${personId}/photo`;

/** Agrees to keeping one instrument's results, to the wording version the server named. */
export function useGiveConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { instrument: string; textVersion: string }) =>
      apiFetch<TConsentStatus>(`${A}/consents`, { method: 'POST', body: { ...body, accept: true } }),
    onSuccess: () => client.invalidateQueries({ queryKey: wellbeingKeys.consents }),
  });
}

/** Withdraws one instrument's consent; the server erases its results and shares. */
export function useWithdrawConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (instrument: string) =>
      apiFetch<TErasure>(`${A}/consents/${encodeURIComponent(instrument)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: wellbeingKeys.all }),
  });
}

/** Erases everything of mine: results, shares, consents. */
export function useDeleteMyData() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<TErasure>(`${A}/my-data`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: wellbeingKeys.all }),
  });
}

/** Scores answers and keeps nothing (the self-check). */
export function useSelfCheck() {
  return useMutation({
    mutationFn: (body: { instrument: string; answers: number[] }) =>
      apiFetch<TScoreResult>(`${A}/score`, { method: 'POST', body }),
  });
}

/** Stores a result (consent needed); the answer says whether to show the care path. */
export function useStoreResult() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { instrument: string; answers: number[] }) =>
      apiFetch<TStoreResultOut>(`${A}/results`, { method: 'POST', body }),
    onSuccess: (out) => {
      client.setQueryData(wellbeingKeys.result(out.result.id), out.result);
      return client.invalidateQueries({ queryKey: wellbeingKeys.resultLists });
    },
  });
}

/** Deletes one stored result (and the shares of it). */
export function useDeleteResult() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<TErasure>(`${A}/results/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: wellbeingKeys.shares });
      return client.invalidateQueries({ queryKey: wellbeingKeys.resultLists });
    },
  });
}

/** Shares one result, or my whole history, with a coach. */
export function useCreateShare() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { coachPersonId: number; scope: TShareScope; resultId?: number }) =>
      apiFetch<TShare>(`${A}/shares`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: wellbeingKeys.shares }),
  });
}

/** Revokes a share: the coach no longer sees what it covered. */
export function useRevokeShare() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<void>(`${A}/shares/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: wellbeingKeys.shares }),
  });
}

/** The one-click consultation request: no coach, no message, no result attached. */
export function useOneClickConsultation() {
  return useMutation({
    mutationFn: () => apiFetch<TConsultation>(`${C}/requests`, { method: 'POST', body: {} }),
  });
}
