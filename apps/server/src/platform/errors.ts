import { ERROR_STATUS, type TErrorCode } from '@lifeline/shared';

/**
 * The one error type of the server. Anything else thrown inside a request becomes a generic 500
 * whose details reach only the log.
 */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly details: unknown;

  constructor(code: TErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Shorthand for the answer given alike to "missing" and "outside your scope". */
export function notFound(what = 'Record'): AppError {
  return new AppError('not_found', `${what} not found`);
}
