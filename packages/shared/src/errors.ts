import { z } from 'zod';

/**
 * The closed set of error codes the API answers with. The web app translates each code,
 * so adding one means adding its message in both locales.
 */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'invalid_transition',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'account_locked',
  'password_change_required',
  'calendar_year_missing',
  'consent_required',
  'service_unavailable',
  'internal',
] as const;

export type TErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status of each code; one table so that server and client agree. */
export const ERROR_STATUS: Record<TErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  calendar_year_missing: 422,
  consent_required: 409,
  account_locked: 423,
  password_change_required: 403,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
};

/** The JSON body of every error response. */
export const ZErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;
