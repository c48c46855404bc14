import { AUDIT_FIELDS, auditLabel, type TAuditEvent } from '@lifeline/shared';

/** A recorded value as a person reads it: empty as —, yes/no, lists joined. */
function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length ? value.map(valueText).join('、') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * An event's changes as lines a person reads in a spreadsheet cell: one field per line, named
 * as the audit page names it, `before → after`.
 */
export function changesText(changes: TAuditEvent['changes']): string | null {
  const entries = Object.entries(changes ?? {});
  if (!entries.length) return null;
  return entries
    .map(([field, c]) => `${auditLabel(AUDIT_FIELDS, field)}：${valueText(c.before)} → ${valueText(c.after)}`)
    .join('\n');
}
