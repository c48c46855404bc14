import type {
  TAvailabilityInput,
  TCaseNote,
  TCoachProfile,
  TCoachProfileInput,
  TConsultation,
  TConsultationInput,
  TConsultationState,
  TInstrumentDefinition,
  TSharedWithMe,
} from '@lifeline/shared';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiErrorFromResponse } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';

// The answers' types come from the shared zod schemas, as types only: zod stays off the phone.
export type {
  TAvailabilityInput,
  TCaseNote,
  TCoachProfile,
  TCoachProfileInput,
  TConsultation,
  TConsultationInput,
  TConsultationState,
  TInstrumentDefinition,
  TSharedWithMe,
};

const KEY = ['counselling'] as const;
const keys = {
  coaches: [...KEY, 'coaches'] as const,
  mine: [...KEY, 'requests', 'mine'] as const,
  request: (id: number) => [...KEY, 'requests', id] as const,
  notes: (id: number) => [...KEY, 'requests', id, 'notes'] as const,
  inbox: (state: string) => [...KEY, 'inbox', state] as const,
  inboxAll: [...KEY, 'inbox'] as const,
  shared: [...KEY, 'shared'] as const,
  profile: [...KEY, 'profile'] as const,
  instruments: ['assessments', 'instruments'] as const,
};
const base = '/api/counselling';

/** Where a coach's photo is; `version` busts the browser's cache after an upload. */
export function photoUrl(personId: number, version?: number): string {
  return `${base}/coaches/${personId}/photo${version === undefined ? '' : `?v=${version}`}`;
}

/** The team of coaches and volunteers taking requests (active ones, pinyin order). */
export function useCoaches() {
  return useQuery({
    queryKey: keys.coaches,
    queryFn: ({ signal }) => apiFetch<TCoachProfile[]>(`${base}/coaches`, { signal }),
  });
}

/** My own requests as the employee, newest first. */
export function useMyRequests() {
  return useQuery({
    queryKey: keys.mine,
    queryFn: ({ signal }) => apiFetch<TConsultation[]>(`${base}/requests`, { signal }),
  });
}

/** One request: mine, one assigned to me as the coach, or an open one of the team pool. */
export function useRequest(id: number) {
  return useQuery({
    queryKey: keys.request(id),
    queryFn: ({ signal }) => apiFetch<TConsultation>(`${base}/requests/${id}`, { signal }),
  });
}

/** A changed request goes into its own cache, and every list it may be part of is asked again. */
function afterChange(client: QueryClient, c: TConsultation) {
  client.setQueryData(keys.request(c.id), c);
  void client.invalidateQueries({ queryKey: keys.mine });
  void client.invalidateQueries({ queryKey: keys.inboxAll });
}

/** Asks for a consultation; `{}` is the one-click request to the whole team. */
export function useAskForConsultation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<TConsultationInput>) =>
      apiFetch<TConsultation>(`${base}/requests`, { method: 'POST', body }),
    onSuccess: (c) => afterChange(client, c),
  });
}

export type TRequestAction =
  | { action: 'cancel'; version: number }
  | { action: 'close'; version: number }
  | { action: 'decline'; reason: string; version: number }
  | { action: 'book'; startsAt: string; place: string; version: number };

/** Takes one of the request's `actions`; a stale version answers 409 conflict. */
export function useRequestAction(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: TRequestAction) =>
      apiFetch<TConsultation>(`${base}/requests/${id}/${action}`, { method: 'POST', body }),
    onSuccess: (c) => afterChange(client, c),
  });
}

/** A coach's private follow-up notes on a case (the assigned coach only). */
export function useNotes(id: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.notes(id),
    queryFn: ({ signal }) => apiFetch<TCaseNote[]>(`${base}/requests/${id}/notes`, { signal }),
    enabled,
  });
}

export function useAddNote(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      apiFetch<TCaseNote>(`${base}/requests/${id}/notes`, { method: 'POST', body: { text } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.notes(id) }),
  });
}

/** A coach's inbox: assigned to me, plus open requests nobody took yet; `state` '' is all. */
export function useInbox(state: TConsultationState | '') {
  return useQuery({
    queryKey: keys.inbox(state),
    queryFn: ({ signal }) =>
      apiFetch<TConsultation[]>(`${base}/inbox${state ? `?state=${state}` : ''}`, { signal }),
  });
}

/** What people shared with me as their coach: per person, the results they chose. */
export function useSharedWithMe() {
  return useQuery({
    queryKey: keys.shared,
    queryFn: ({ signal }) => apiFetch<TSharedWithMe[]>(`${base}/shared`, { signal }),
  });
}

/** The instruments' definitions, for band labels, items and answer wording. */
export function useInstruments() {
  return useQuery({
    queryKey: keys.instruments,
    queryFn: ({ signal }) => apiFetch<TInstrumentDefinition[]>('/api/assessments/instruments', { signal }),
    staleTime: 10 * 60_000,
  });
}

/** My own coach profile (version 0 before the first save). */
export function useMyProfile() {
  return useQuery({
    queryKey: keys.profile,
    queryFn: ({ signal }) => apiFetch<TCoachProfile>(`${base}/profile`, { signal }),
  });
}

/** The saved profile becomes the cached one, so the next save sends its version. */
function afterProfile(client: QueryClient, p: TCoachProfile) {
  client.setQueryData(keys.profile, p);
  void client.invalidateQueries({ queryKey: keys.coaches });
}

export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCoachProfileInput) =>
      apiFetch<TCoachProfile>(`${base}/profile`, { method: 'PUT', body }),
    onSuccess: (p) => afterProfile(client, p),
  });
}

export function useSaveAvailability() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TAvailabilityInput) =>
      apiFetch<TCoachProfile>(`${base}/availability`, { method: 'PUT', body }),
    onSuccess: (p) => afterProfile(client, p),
  });
}

/** Uploads a photo as multipart field "file" (apiFetch speaks JSON only). */
async function uploadPhoto(file: File): Promise<TCoachProfile> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${base}/profile/photo`, {
      method: 'PUT',
      body: form,
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError('network', 0, err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) throw await apiErrorFromResponse(res);
  return (await res.json()) as TCoachProfile;
}

export function useUploadPhoto() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: uploadPhoto,
    onSuccess: (p) => afterProfile(client, p),
  });
}

/** Asks the profile again (after a 409: someone changed it elsewhere). */
export function useReloadProfile() {
  const client = useQueryClient();
  return () => client.refetchQueries({ queryKey: keys.profile });
}

/** Asks a request again (after a 409). */
export function useReloadRequest(id: number) {
  const client = useQueryClient();
  return async () => {
    void client.invalidateQueries({ queryKey: keys.mine });
    void client.invalidateQueries({ queryKey: keys.inboxAll });
    await client.refetchQueries({ queryKey: keys.request(id) });
  };
}
