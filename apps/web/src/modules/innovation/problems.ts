import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { isStaleVersion, problemText } from '../admin-kit/api-problems';
import { INNOVATION_KEY } from './api';

type Details = { reason?: unknown; quota?: unknown; recused?: unknown };

/** Refusals whose `details.reason` the module translates (the server's words are English). */
const REASONS = [
  'declaration_not_open',
  'declaration_closed',
  'declaration_open',
  'rubric_locked',
  'not_in_table',
  'via_meeting',
  'not_completed',
  'review_submitted',
  'not_editable',
  'not_attachable',
  'attachment_kept',
  'not_running',
  'draft_not_supervised',
  'milestone_done',
  'already_decided',
  'members_locked',
  'not_shortlisted',
  'awards_locked',
  'awards_not_draft',
  'awards_not_in_publicity',
  'publicity_running',
  'objections_open',
  'publicity_closed',
  'objection_answered',
];

/**
 * The text of a failed action of this module: a stale version says "reloaded"; a refusal with a
 * known reason (a closed window, a used-up quota, everyone recused) is translated; any other
 * refusal shows the server's message after a translated lead-in.
 */
export function innovationProblem(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && !isStaleVersion(error)) {
    const d = (error.details ?? {}) as Details;
    if (typeof d.reason === 'string' && REASONS.includes(d.reason))
      return t('admin-kit:refused', { reason: t(`innovation:problems.${d.reason}`) });
    if (error.code === 'conflict' && typeof d.quota === 'number')
      return t('admin-kit:refused', { reason: t('innovation:problems.quota', { quota: d.quota }) });
    if (error.code === 'conflict' && Array.isArray(d.recused))
      return t('admin-kit:refused', { reason: t('innovation:problems.allRecused') });
  }
  return problemText(t, error);
}

/**
 * Shows a failed action as a message. When someone else changed the record first (409 with the
 * current version), everything the module shows is loaded again, so the page shows what is now.
 */
export function useInnovationError() {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const { message } = App.useApp();
  const client = useQueryClient();
  return (error: unknown) => {
    void message.error(innovationProblem(t, error));
    if (isStaleVersion(error)) void client.invalidateQueries({ queryKey: INNOVATION_KEY });
  };
}
