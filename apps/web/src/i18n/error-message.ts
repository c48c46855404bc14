import type { TFunction } from 'i18next';
import { ApiError } from '../api/api-error';
import { formatWait } from './duration';

/**
 * The user-facing text of any error: the translation of the server's reason when it gives one we
 * know, else of its code (with the wait for a lockout or rate limit), falling back to the
 * server's own message for a code we do not know.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors:codes.internal');
  if (error.code === 'network') return t('errors:network');
  const wait = error.retryAfterSeconds;
  if (error.code === 'account_locked' && wait)
    return t('errors:accountLockedWait', { wait: formatWait(t, wait) });
  if (error.code === 'rate_limited' && wait)
    return t('errors:rateLimitedWait', { wait: formatWait(t, wait) });
  const generic = t(`errors:codes.${error.code}`, { defaultValue: error.message });
  // A refusal with a stable reason (a self-grant, a role beyond the granter's) says why.
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? t(`errors:reasons.${reason}`, { defaultValue: generic }) : generic;
}
