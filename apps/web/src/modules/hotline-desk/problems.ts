import { HOTLINE_STATES } from '@lifeline/shared';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import i18next, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { errorMessage } from '../../i18n/error-message';
import { toLanguage } from '../../i18n/languages';
import { HOTLINE_KEY } from './api';

/**
 * Why the server refused a transition (`details.reason`): `office_only` (only the hotline office
 * may do this) or `from_<state>` (not from the state the item is in now).
 */
function reasonText(t: TFunction, reason: unknown): string | null {
  if (reason === 'office_only') return t('hotline-desk:problems.officeOnly');
  if (typeof reason === 'string' && reason.startsWith('from_')) {
    const state = reason.slice('from_'.length);
    const label = HOTLINE_STATES.find((s) => s.code === state);
    if (label)
      return t('hotline-desk:problems.fromState', {
        state: toLanguage(i18next.language) === 'en' ? label.en : label.zh,
      });
  }
  return null;
}

/** Whether an action was refused because the item changed since it was loaded. */
export function isHotlineStale(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'conflict';
}

/**
 * The text of a failed hotline action: a conflict means someone else changed the item first
 * (the page reloads it); a refused transition names its reason when we know it, else the
 * server's words follow a translated lead-in.
 */
export function hotlineProblem(t: TFunction, error: unknown): string {
  if (isHotlineStale(error)) return t('hotline-desk:problems.stale');
  if (error instanceof ApiError && error.code === 'invalid_transition') {
    const known = reasonText(t, (error.details as { reason?: unknown } | undefined)?.reason);
    return t('hotline-desk:problems.invalid', { reason: known ?? error.message });
  }
  return errorMessage(t, error);
}

/**
 * Shows a failed action as a message. After a conflict everything of the module is loaded
 * again, so that the page shows the item as it now is (with its new version and actions).
 */
export function useHotlineError() {
  const { t } = useTranslation(['hotline-desk', 'admin-kit', 'errors']);
  const { message } = App.useApp();
  const client = useQueryClient();
  return (error: unknown) => {
    void message.error(hotlineProblem(t, error));
    if (isHotlineStale(error) || (error instanceof ApiError && error.code === 'invalid_transition'))
      void client.invalidateQueries({ queryKey: HOTLINE_KEY });
  };
}
