import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/api-error';
import { errorMessage } from '../../i18n/error-message';

/** One problem the server found with one input field. */
export type FieldProblem = { field: string; message: string };

type Details = { issues?: unknown; field?: unknown; currentVersion?: unknown; problems?: unknown };

function detailsOf(error: unknown): Details | undefined {
  return error instanceof ApiError ? (error.details as Details | undefined) : undefined;
}

/**
 * Whether the server refused a change because the record's `version` was stale (optimistic
 * locking): the answer is "someone else changed it, reload", not a problem with the input.
 */
export function isStaleVersion(error: unknown): boolean {
  return (
    error instanceof ApiError && error.code === 'conflict' && detailsOf(error)?.currentVersion !== undefined
  );
}

/**
 * The field-level problems of an error: `validation_failed` issues (`path: 'body.field'`) and
 * any answer naming one `details.field` (e.g. a duplicate code answers 409 with `field: 'code'`).
 */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  const details = detailsOf(error);
  const issues = Array.isArray(details?.issues)
    ? (details.issues as { path?: unknown; message?: unknown }[])
    : [];
  const fromIssues = issues.flatMap((i) => {
    if (typeof i.path !== 'string') return [];
    const field = i.path.replace(/^body\./, '').split('.')[0];
    return field && field !== 'body' ? [{ field, message: String(i.message ?? error.message) }] : [];
  });
  if (fromIssues.length > 0) return fromIssues;
  return typeof details?.field === 'string' ? [{ field: details.field, message: error.message }] : [];
}

/**
 * The text of a failed admin action. A stale version says "reload"; other conflicts carry only
 * the server's (English) reason, so it is shown after a translated lead-in.
 */
export function problemText(t: TFunction, error: unknown): string {
  if (isStaleVersion(error)) return t('admin-kit:stale');
  if (error instanceof ApiError && (error.code === 'conflict' || error.code === 'invalid_transition')) {
    return t('admin-kit:refused', { reason: error.message });
  }
  return errorMessage(t, error);
}

/**
 * Puts the server's problems with these `fields` on the form. A conflict naming a field (a
 * duplicate) shows the caller's translation (`taken[field]`); other problems show the server's
 * own words, as its issues carry no code to translate. Returns whether any field matched, so
 * that the caller shows any other error as a message instead.
 */
export function showFieldProblems(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  taken: Record<string, string> = {},
): boolean {
  const problems = fieldProblems(error).filter((p) => fields.includes(p.field));
  if (problems.length === 0) return false;
  const conflict = error instanceof ApiError && error.code === 'conflict';
  form.setFields(
    problems.map((p) => ({ name: p.field, errors: [(conflict && taken[p.field]) || p.message] })),
  );
  return true;
}
