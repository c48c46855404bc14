import { ERROR_CODES, ERROR_STATUS, type TErrorCode } from '@lifeline/shared';

/** What a failed call can be: a server error code, or no answer at all. */
export type TApiErrorCode = TErrorCode | 'network';

/**
 * A failed API call, with the server's code so the UI can translate it (and the status and
 * details for the pages that need them, e.g. a lockout's remaining time).
 */
export class ApiError extends Error {
  constructor(
    readonly code: TApiErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
    /** From `Retry-After` or `details.retryAfterSeconds`, when the server said how long to wait. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorCode(value: unknown): value is TErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The code for a status when the body is not ours (a proxy's HTML page, an empty 502). */
function codeForStatus(status: number): TErrorCode {
  const exact = ERROR_CODES.find((c) => ERROR_STATUS[c] === status);
  if (exact) return exact;
  return status >= 500 ? 'service_unavailable' : 'bad_request';
}

function numberOrUndefined(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Builds the ApiError of a non-2xx response from its `{error:{code,message,details}}` body. */
export async function apiErrorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  const code = isErrorCode(error?.code) ? error.code : codeForStatus(res.status);
  const message = typeof error?.message === 'string' ? error.message : res.statusText || code;
  const details = error?.details;
  const retryAfterSeconds =
    numberOrUndefined((details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds) ??
    numberOrUndefined(res.headers.get('retry-after'));
  return new ApiError(code, res.status, message, details, retryAfterSeconds);
}

/** The problems list of a `validation_failed` password change (`details.problems`). */
export function detailProblems(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? problems.filter((p): p is string => typeof p === 'string') : [];
}
