import type {
  TAggregate,
  TCoachRegistry,
  TInstrumentDefinition,
  TScale,
  TWellbeingSettings,
  TWellbeingSettingsInput,
} from '@lifeline/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/api-fetch';
import { queryString } from '../admin-kit/files';

/** Every query of the wellbeing back office starts with this key. */
export const WELLBEING_KEY = ['wellbeing-admin'] as const;
export const SETTINGS_KEY = [...WELLBEING_KEY, 'settings'] as const;
export const SCALES_KEY = [...WELLBEING_KEY, 'scales'] as const;
export const INSTRUMENTS_KEY = [...WELLBEING_KEY, 'instruments'] as const;

/** The query of the aggregate figures; the period is a whole year or one of its quarters. */
export type AggregateQuery = { unitId: number; instrument: string; year: number; quarter?: number };

/** The built-in instruments and the active uploaded scales, with their definitions. */
export function useInstruments() {
  return useQuery({
    queryKey: INSTRUMENTS_KEY,
    queryFn: ({ signal }) => apiFetch<TInstrumentDefinition[]>('/api/assessments/instruments', { signal }),
    staleTime: 5 * 60_000,
  });
}

/**
 * Totals per child unit for one instrument and period. Groups under the minimum size (and
 * those hidden so that they cannot be subtracted out) come without figures.
 */
export function useAggregates(query: AggregateQuery | null) {
  return useQuery({
    queryKey: [...WELLBEING_KEY, 'aggregates', query],
    queryFn: ({ signal }) =>
      apiFetch<TAggregate>(`/api/assessments/aggregates${queryString(query ?? {})}`, { signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** The export's address: the same query as the table. */
export function aggregatesExportPath(query: AggregateQuery): string {
  return `/api/assessments/aggregates/export${queryString(query)}`;
}

export function useWellbeingSettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => apiFetch<TWellbeingSettings>('/api/assessments/settings', { signal }),
  });
}

export function useSaveWellbeingSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TWellbeingSettingsInput) =>
      apiFetch<TWellbeingSettings>('/api/assessments/settings', { method: 'PUT', body }),
    onSuccess: (settings) => client.setQueryData(SETTINGS_KEY, settings),
  });
}

/** The uploaded scales, active and retired. */
export function useScales() {
  return useQuery({
    queryKey: SCALES_KEY,
    queryFn: ({ signal }) => apiFetch<TScale[]>('/api/assessments/scales', { signal }),
  });
}

/** After an upload or a retirement, the scales and the instrument list (active scales) reload. */
function useScaleMutation<V>(fn: (vars: V) => Promise<TScale>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: SCALES_KEY });
      void client.invalidateQueries({ queryKey: INSTRUMENTS_KEY });
    },
  });
}

/** Uploads a definition (any JSON: the server checks it and names each problem). */
export function useUploadScale() {
  return useScaleMutation((definition: unknown) =>
    apiFetch<TScale>('/api/assessments/scales', { method: 'POST', body: definition }),
  );
}

export function useRetireScale() {
  return useScaleMutation((id: number) =>
    apiFetch<TScale>(`/api/assessments/scales/${id}/retire`, { method: 'POST' }),
  );
}

/** The coach team of a unit's subtree: how many coaches and volunteers, and who. */
export function useCoachRegistry(unitId: number | undefined) {
  return useQuery({
    queryKey: [...WELLBEING_KEY, 'registry', unitId],
    queryFn: ({ signal }) =>
      apiFetch<TCoachRegistry>(`/api/counselling/registry${queryString({ unitId })}`, { signal }),
    enabled: unitId !== undefined,
    placeholderData: keepPreviousData,
  });
}
