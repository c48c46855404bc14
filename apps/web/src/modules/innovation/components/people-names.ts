import type { TPerson } from '@lifeline/shared';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { apiFetch } from '../../../api/api-fetch';
import { PEOPLE_KEY } from '../../people/api';
import type { PersonRef } from './person-picker';

/**
 * Names for person ids (revisions and change requests carry ids only): from the people the
 * page already knows, else from the roster when I may read it, else "#id".
 */
export function usePeopleNames(ids: readonly number[], known: readonly PersonRef[]) {
  const { t } = useTranslation('innovation');
  const byId = new Map(known.map((p) => [p.id, p.name]));
  const unknown = [...new Set(ids)].filter((id) => !byId.has(id));
  const found = useQueries({
    queries: unknown.map((id) => ({
      queryKey: [...PEOPLE_KEY, 'one', id],
      queryFn: () => apiFetch<TPerson>(`/api/people/${id}`),
      retry: (count: number, err: unknown) => !(err instanceof ApiError) && count < 2,
      staleTime: 5 * 60_000,
    })),
  });
  for (const q of found) if (q.data) byId.set(q.data.id, q.data.name);
  return (id: number) => byId.get(id) ?? t('people.unknown', { id });
}
