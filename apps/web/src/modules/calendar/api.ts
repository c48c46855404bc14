import type { TCalendarDay } from '@lifeline/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/api-fetch';

/** Every cached calendar answer starts with this key, so one change refreshes them all. */
export const CALENDAR_KEY = ['calendar'] as const;

export type TCalendarYearSource = 'official' | 'administrator' | 'both';
export type TCalendarYearInfo = { year: number; source: TCalendarYearSource; overrides: number };
export type TCalendarYearDays = { covered: boolean; days: TCalendarDay[] };
export type TOverrideKind = 'workday' | 'holiday';

/** The years the calendar can answer for (official data or declared by an administrator). */
export function useCalendarYears() {
  return useQuery({
    queryKey: [...CALENDAR_KEY, 'years'],
    queryFn: () => apiFetch<TCalendarYearInfo[]>('/api/calendar/years'),
    staleTime: 60_000,
  });
}

/** A year's special days; for a year without data, only the overrides entered so far. */
export function useCalendarDays(year: number) {
  return useQuery({
    queryKey: [...CALENDAR_KEY, 'days', year],
    queryFn: () => apiFetch<TCalendarYearDays>(`/api/calendar/years/${year}/days`),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/**
 * The deadline of "within N working days" from an instant, asked only once the form is sent
 * (`params` null before). Cached under the calendar key, so a change to the calendar recomputes it.
 */
export function useDeadline(params: { from: string; workingDays: number } | null) {
  return useQuery({
    queryKey: [...CALENDAR_KEY, 'deadline', params?.from, params?.workingDays],
    queryFn: () =>
      apiFetch<{ deadline: string }>(
        `/api/calendar/deadline?from=${encodeURIComponent(params?.from ?? '')}&workingDays=${params?.workingDays ?? 0}`,
      ),
    enabled: params !== null,
    staleTime: 0,
  });
}

/** After any change, every year, day list and computed deadline is asked again. */
function useCalendarMutation<V>(fn: (vars: V) => Promise<void>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: CALENDAR_KEY }),
  });
}

export function useSetOverride() {
  return useCalendarMutation(
    ({ day, kind, name }: { day: string; kind: TOverrideKind; name: string | null }) =>
      apiFetch<void>(`/api/calendar/overrides/${day}`, { method: 'PUT', body: { kind, name } }),
  );
}

export function useRemoveOverride() {
  return useCalendarMutation((day: string) =>
    apiFetch<void>(`/api/calendar/overrides/${day}`, { method: 'DELETE' }),
  );
}

export function useDeclareYear() {
  return useCalendarMutation(({ year, note }: { year: number; note: string | null }) =>
    apiFetch<void>(`/api/calendar/years/${year}/declare`, { method: 'POST', body: { note } }),
  );
}

export function useUndeclareYear() {
  return useCalendarMutation((year: number) =>
    apiFetch<void>(`/api/calendar/years/${year}/declare`, { method: 'DELETE' }),
  );
}
