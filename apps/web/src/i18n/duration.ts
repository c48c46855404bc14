import type { TFunction } from 'i18next';

/** Formats a wait as seconds under a minute and whole minutes above, as people read a lockout. */
export function formatWait(t: TFunction, seconds: number): string {
  if (seconds < 60) return t('common:duration.seconds', { count: Math.max(1, Math.ceil(seconds)) });
  return t('common:duration.minutes', { count: Math.ceil(seconds / 60) });
}
