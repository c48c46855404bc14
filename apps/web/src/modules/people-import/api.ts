import type { TPeopleImport, TPeopleImportSummary } from '@lifeline/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/api-fetch';
import { uploadFile } from '../admin-kit/files';
import { type Page, PEOPLE_KEY } from '../people/api';

/** How often a running import is asked for its progress. */
const POLL_MS = 700;
const RUNNING: TPeopleImport['state'][] = ['validating', 'importing'];

export const importKey = (id: number) => ['people-imports', id] as const;
/** The list of my imports (every page). */
export const MY_IMPORTS_KEY = ['people-imports', 'mine'] as const;

/** Whether the server is still working on the import (validating the file or applying it). */
export function isRunning(job: TPeopleImport | undefined): boolean {
  return job !== undefined && RUNNING.includes(job.state);
}

/** Uploads the roster; validation starts as a job on the server and answers at once. */
export function useUploadRoster() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<TPeopleImport>('/api/people/imports', file),
    onSuccess: (job) => {
      client.setQueryData(importKey(job.id), job);
      void client.invalidateQueries({ queryKey: MY_IMPORTS_KEY });
    },
  });
}

/** An import, polled while it runs; a finished import also refreshes the people lists. */
export function useImportJob(id: number | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: importKey(id ?? 0),
    queryFn: async () => {
      const job = await apiFetch<TPeopleImport>(`/api/people/imports/${id}`);
      if (job.state === 'done') void client.invalidateQueries({ queryKey: PEOPLE_KEY });
      if (!isRunning(job)) void client.invalidateQueries({ queryKey: MY_IMPORTS_KEY });
      return job;
    },
    enabled: id !== undefined,
    staleTime: 0,
    refetchInterval: (query) => (isRunning(query.state.data) ? POLL_MS : false),
  });
}

/** What a full roster does to the people in post its units leave out (nothing when unset). */
export type MissingAs = NonNullable<TPeopleImport['missingAs']>;

/**
 * Confirms the import: every row (refused if any row has errors) or only the valid ones, and
 * for a full roster what to mark the people it leaves out.
 */
export function useCommitImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; mode: 'all' | 'valid_only'; missingAs?: MissingAs }) =>
      apiFetch<TPeopleImport>(`/api/people/imports/${id}/commit`, { method: 'POST', body }),
    onSuccess: (job) => {
      client.setQueryData(importKey(job.id), job);
      void client.invalidateQueries({ queryKey: MY_IMPORTS_KEY });
    },
  });
}

/** My past imports, newest first, a page at a time; polled while one of them still runs. */
export function useMyImports(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...MY_IMPORTS_KEY, page, pageSize],
    queryFn: () =>
      apiFetch<Page<TPeopleImportSummary>>(`/api/people/imports?page=${page}&pageSize=${pageSize}`),
    refetchInterval: (query) =>
      query.state.data?.items.some((job) => RUNNING.includes(job.state)) ? POLL_MS * 3 : false,
  });
}
