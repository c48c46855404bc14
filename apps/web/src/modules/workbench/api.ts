import type { TWorkbench } from '@lifeline/shared';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../api/api-fetch';

/** What waits for me and what I did lately; asked again each time the page opens or regains focus. */
export function useWorkbench() {
  return useQuery({
    queryKey: ['workbench'],
    queryFn: ({ signal }) => apiFetch<TWorkbench>('/api/workbench', { signal }),
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}
