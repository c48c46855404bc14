import { ApiError } from './api-error';

/** One problem the server named: where (a path into the body) and what, in its own words. */
export type Issue = { path: (string | number)[]; message: string };

/** A path as the server sends it (`body.help.contacts.0.name` or an array) as segments. */
function segments(path: unknown): (string | number)[] {
  const raw = Array.isArray(path) ? path : typeof path === 'string' && path ? path.split('.') : [];
  return raw
    .filter((s): s is string | number => typeof s === 'string' || typeof s === 'number')
    .map((s) => (typeof s === 'string' && /^\d+$/.test(s) ? Number(s) : s));
}

/** The `details.issues` of a `validation_failed` answer, or none. */
export function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError)) return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.map((i: { path?: unknown; message?: unknown }) => ({
    path: segments(i?.path),
    message: typeof i?.message === 'string' ? i.message : error.message,
  }));
}

/** A path for reading: `scoring.norms.bands[2].code` (without a leading `body`). */
export function formatPath(path: readonly (string | number)[]): string {
  const parts = path[0] === 'body' ? path.slice(1) : path;
  return parts.reduce<string>(
    (out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p),
    '',
  );
}
