import type { TAuditEvent } from '@lifeline/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../api/api-fetch';
import { queryString } from '../admin-kit/files';
import type { Page } from '../people/api';

/** The audit viewer's filters; `from`/`to` are ISO instants, `to` exclusive. */
export type AuditFilters = {
  personId?: number;
  unitId?: number;
  action?: string;
  recordType?: string;
  recordId?: string;
  from?: string;
  to?: string;
  /** The audit administrator's request to name the people behind sensitive events, with its reason. */
  reveal?: boolean;
  reason?: string;
};

/** Action prefixes worth filtering by; the server matches any action starting with one. */
export const ACTION_PREFIXES = [
  'auth.',
  'account.',
  'org_unit.',
  'person.',
  'person_import.',
  'role.',
  'audit.',
  'assessment_',
  'consultation.',
  'hotline_item.',
  'innovation_project.',
] as const;

/** The kinds of record audit events are about (as the server writes them). */
export const RECORD_TYPES = [
  'person',
  'account',
  'org_unit',
  'org_unit_type',
  'role_assignment',
  'person_import',
  'installation',
] as const;

/** One page of audit events in my scope, newest first. */
export function useAuditEvents(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit-events', filters, page, pageSize],
    queryFn: ({ signal }) =>
      apiFetch<Page<TAuditEvent>>(`/api/audit-events${queryString({ ...filters, page, pageSize })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Where the filtered events download as Excel. */
export function auditExportUrl(filters: AuditFilters): string {
  return `/api/audit-events/export.xlsx${queryString(filters)}`;
}
