import type {
  TChangeProposal,
  TChangeRequest,
  TCycle,
  TCycleInput,
  TCycleUpdate,
  TDecisionInput,
  TMeeting,
  TProject,
  TProjectAction,
  TProjectCreate,
  TProjectSummary,
  TProjectUpdate,
  ZApprovedLine,
  ZAttachment,
  ZMeetingDetail,
  ZOverdueMilestone,
  ZProgressReport,
  ZProjectBoard,
  ZProjectRevision,
  ZSupervisionNote,
} from '@lifeline/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/api-fetch';
import { queryString, uploadFile } from '../admin-kit/files';

// The answers' types come from the shared zod schemas (as types only: zod stays off the pages).
type Out<S extends { parse: (v: unknown) => unknown }> = ReturnType<S['parse']>;
export type TProjectBoard = Out<typeof ZProjectBoard>;
export type TProjectRevision = Out<typeof ZProjectRevision>;
export type TOverdueMilestone = Out<typeof ZOverdueMilestone>;
export type TMeetingDetail = Out<typeof ZMeetingDetail>;
export type TMeetingCandidate = TMeetingDetail['candidates'][number];
export type TApprovedLine = Out<typeof ZApprovedLine>;
export type TAttachment = Out<typeof ZAttachment>;
export type TProgressReport = Out<typeof ZProgressReport>;
export type TSupervisionNote = Out<typeof ZSupervisionNote>;
export type TApprovedList = { publishedAt: string | null; lines: TApprovedLine[] };

/** Every cached answer of the module starts with this key, so a change refreshes what it touches. */
export const INNOVATION_KEY = ['innovation'] as const;
export const cyclesKey = [...INNOVATION_KEY, 'cycles'] as const;
export const projectKey = (id: number) => [...INNOVATION_KEY, 'project', id] as const;
export const meetingKey = (id: number) => [...INNOVATION_KEY, 'meeting', id] as const;
const base = '/api/innovation';

/** The cycles I can see, newest first (the server's order). */
export function useCycles() {
  return useQuery({
    queryKey: cyclesKey,
    queryFn: () => apiFetch<TCycle[]>(`${base}/cycles`),
    staleTime: 60_000,
  });
}

export type ProjectFilters = {
  cycleId?: number;
  state?: string;
  level?: string;
  category?: string;
  unitId?: number;
  q?: string;
};

export type ProjectPage = { items: TProjectSummary[]; total: number };

/** One page of the projects I may see (drafts only of my own units). */
export function useProjects(filters: ProjectFilters, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...INNOVATION_KEY, 'projects', filters, page, pageSize],
    queryFn: ({ signal }) =>
      apiFetch<ProjectPage>(`${base}/projects${queryString({ ...filters, page, pageSize })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled: enabled && filters.cycleId !== undefined,
  });
}

/** A project with its history and the actions open to me now. */
export function useProject(id: number | undefined, enabled = true) {
  return useQuery({
    queryKey: projectKey(id ?? 0),
    queryFn: () => apiFetch<TProject>(`${base}/projects/${id}`),
    enabled: enabled && id !== undefined,
  });
}

export function useRevisions(id: number, enabled = true) {
  return useQuery({
    queryKey: [...projectKey(id), 'revisions'],
    queryFn: () => apiFetch<TProjectRevision[]>(`${base}/projects/${id}/revisions`),
    enabled,
  });
}

export function useProjectChanges(id: number) {
  return useQuery({
    queryKey: [...projectKey(id), 'changes'],
    queryFn: () => apiFetch<TChangeRequest[]>(`${base}/projects/${id}/changes`),
  });
}

/** After a change, every answer of the module is asked again (lists, board, counts, the project). */
function useInnovationMutation<V, R>(fn: (vars: V) => Promise<R>, onDone?: (result: R) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => onDone?.(result),
    onSettled: () => client.invalidateQueries({ queryKey: INNOVATION_KEY }),
  });
}

/** Keeps a project answer in the cache at once, so the page shows it before the refetch. */
function useSetProject() {
  const client = useQueryClient();
  return (p: TProject) => client.setQueryData(projectKey(p.id), p);
}

export function useCreateProject() {
  const setProject = useSetProject();
  return useInnovationMutation(
    (body: TProjectCreate) => apiFetch<TProject>(`${base}/projects`, { method: 'POST', body }),
    setProject,
  );
}

export function useUpdateProject(id: number) {
  const setProject = useSetProject();
  return useInnovationMutation(
    (body: TProjectUpdate) => apiFetch<TProject>(`${base}/projects/${id}`, { method: 'PATCH', body }),
    setProject,
  );
}

export type TransitionVars = { id: number; action: TProjectAction; version: number; comment?: string };

export function useTransition() {
  const setProject = useSetProject();
  return useInnovationMutation(
    ({ id, ...body }: TransitionVars) =>
      apiFetch<TProject>(`${base}/projects/${id}/transitions`, { method: 'POST', body }),
    setProject,
  );
}

export function useUploadAttachment(id: number) {
  return useInnovationMutation((file: File) =>
    uploadFile<TAttachment>(`${base}/projects/${id}/attachments`, file),
  );
}

export function useRemoveAttachment(id: number) {
  return useInnovationMutation((fileId: string) =>
    apiFetch<void>(`${base}/projects/${id}/attachments/${encodeURIComponent(fileId)}`, { method: 'DELETE' }),
  );
}

export const attachmentPath = (projectId: number, fileId: string) =>
  `${base}/projects/${projectId}/attachments/${encodeURIComponent(fileId)}`;

export function useAddProgress(id: number) {
  return useInnovationMutation((body: { text: string; milestoneId: number | null; milestoneDone: boolean }) =>
    apiFetch<TProgressReport>(`${base}/projects/${id}/progress`, { method: 'POST', body }),
  );
}

export function useAddSupervision(id: number) {
  return useInnovationMutation((note: string) =>
    apiFetch<TSupervisionNote>(`${base}/projects/${id}/supervision`, { method: 'POST', body: { note } }),
  );
}

export function useRequestChange(id: number) {
  return useInnovationMutation((body: { proposal: TChangeProposal; reason: string }) =>
    apiFetch<{ id: number }>(`${base}/projects/${id}/changes`, { method: 'POST', body }),
  );
}

export function useDecideChange() {
  return useInnovationMutation(
    ({ id, ...body }: { id: number; approve: boolean; comment: string; version: number }) =>
      apiFetch<{ id: number; state: string }>(`${base}/changes/${id}/decision`, { method: 'POST', body }),
  );
}

export function useBoard(cycleId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...INNOVATION_KEY, 'board', cycleId],
    queryFn: () => apiFetch<TProjectBoard>(`${base}/cycles/${cycleId}/board`),
    enabled: enabled && cycleId !== undefined,
  });
}

/** The pending change requests of a cycle (the secretariat's queue). */
export function useCycleChanges(cycleId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...INNOVATION_KEY, 'cycle-changes', cycleId],
    queryFn: () => apiFetch<TChangeRequest[]>(`${base}/cycles/${cycleId}/changes`),
    enabled: enabled && cycleId !== undefined,
  });
}

export function useOverdue(cycleId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...INNOVATION_KEY, 'overdue', cycleId],
    queryFn: () => apiFetch<TOverdueMilestone[]>(`${base}/cycles/${cycleId}/overdue`),
    enabled: enabled && cycleId !== undefined,
  });
}

export function useMeetings(cycleId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...INNOVATION_KEY, 'meetings', cycleId],
    queryFn: () => apiFetch<TMeeting[]>(`${base}/cycles/${cycleId}/meetings`),
    enabled: enabled && cycleId !== undefined,
  });
}

export function useMeeting(id: number | undefined) {
  return useQuery({
    queryKey: meetingKey(id ?? 0),
    queryFn: () => apiFetch<TMeetingDetail>(`${base}/meetings/${id}`),
    enabled: id !== undefined,
  });
}

export type MeetingBody = { heldOn: string; memberIds: number[]; minutes: string };

export function useCreateMeeting(cycleId: number) {
  return useInnovationMutation((body: MeetingBody) =>
    apiFetch<TMeeting>(`${base}/cycles/${cycleId}/meetings`, { method: 'POST', body }),
  );
}

export function useUpdateMeeting(id: number) {
  return useInnovationMutation((body: Partial<MeetingBody> & { version: number }) =>
    apiFetch<TMeeting>(`${base}/meetings/${id}`, { method: 'PATCH', body }),
  );
}

export function useDecideProject(meetingId: number) {
  return useInnovationMutation((body: TDecisionInput) =>
    apiFetch<{ id: number; projectId: number; outcome: string }>(`${base}/meetings/${meetingId}/decisions`, {
      method: 'POST',
      body,
    }),
  );
}

export function useApproved(cycleId: number | undefined) {
  return useQuery({
    queryKey: [...INNOVATION_KEY, 'approved', cycleId],
    queryFn: () => apiFetch<TApprovedList>(`${base}/cycles/${cycleId}/approved`),
    enabled: cycleId !== undefined,
  });
}

export const approvedXlsxPath = (cycleId: number) => `${base}/cycles/${cycleId}/approved.xlsx`;

export function usePublishApproved(cycleId: number) {
  return useInnovationMutation(() =>
    apiFetch<TCycle>(`${base}/cycles/${cycleId}/approved/publish`, { method: 'POST' }),
  );
}

export function useCreateCycle() {
  return useInnovationMutation((body: TCycleInput) =>
    apiFetch<TCycle>(`${base}/cycles`, { method: 'POST', body }),
  );
}

export function useUpdateCycle(id: number) {
  return useInnovationMutation((body: TCycleUpdate) =>
    apiFetch<TCycle>(`${base}/cycles/${id}`, { method: 'PATCH', body }),
  );
}
