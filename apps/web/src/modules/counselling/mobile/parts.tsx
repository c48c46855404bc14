import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { issuesOf } from '../../../api/issues';
import { useMe } from '../../../api/me';
import { errorMessage } from '../../../i18n/error-message';
import { type ChipLink, ChipNav } from '../../../mobile/components/chip-nav';
import { NotFoundCard, QueryState as SharedQueryState } from '../../../mobile/components/query-state';
import { MobileNotFoundPage } from '../../../mobile/pages/mobile-not-found-page';
import type { TConsultationState } from '../api';

export { BackLink } from '../../../mobile/components/back-link';
export { EmptyState as Empty } from '../../../mobile/components/empty-state';
export { PrivacyNote } from '../../../mobile/components/privacy-note';

/** The permission of the coaches' pages (roles coach and volunteer). */
export const COACH_PERMISSION = 'counselling.coach';

/** Whether the logged-in user is a coach (holds `counselling.coach` somewhere). */
export function useIsCoach(): boolean {
  return useMe().data?.permissions.includes(COACH_PERMISSION) ?? false;
}

/** A coach's page: others see "not found", as the API answers them. */
export function CoachOnly({ children }: { children: ReactNode }) {
  const me = useMe().data;
  if (!me) return null;
  if (!me.permissions.includes(COACH_PERMISSION)) return <MobileNotFoundPage />;
  return children;
}

/** The module's own navigation: the employee's two pages, and the coach's three for coaches. */
export function CounsellingNav() {
  const { t } = useTranslation('counselling');
  const coach = useIsCoach();
  const links: ChipLink[] = [
    { to: '/m/counselling', end: true, label: t('nav.team') },
    { to: '/m/counselling/requests', end: true, label: t('nav.mine') },
  ];
  if (coach)
    links.push(
      { to: '/m/counselling/inbox', label: t('nav.inbox') },
      { to: '/m/counselling/shared', label: t('nav.shared') },
      { to: '/m/counselling/profile', label: t('nav.profile') },
    );
  return <ChipNav label={t('nav.label')} links={links} testId="counselling-nav" />;
}

/** The paths of a `validation_failed` answer's issues (`body.startsAt`, `body.slots.2.end`). */
export function issuePaths(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
  return issuesOf(error).map((i) => i.path.join('.'));
}

/** The text of a failed call; a stale version says plainly that someone else changed it. */
export function problemText(t: TFunction, error: unknown): string {
  const paths = issuePaths(error);
  if (paths.includes('body.startsAt')) return t('counselling:book.past');
  if (paths.includes('body.coachPersonId')) return t('counselling:ask.coachGone');
  if (error instanceof ApiError && error.code === 'conflict') return t('counselling:conflict');
  if (error instanceof ApiError && error.code === 'invalid_transition')
    return t('counselling:invalidTransition');
  return errorMessage(t, error);
}

/** A query still loading or failed: a spinner, or the reason with a retry. */
export function QueryState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('counselling');
  return (
    <SharedQueryState
      error={error}
      onRetry={onRetry}
      notFound={<NotFoundCard title={t('notFound.title')} body={t('notFound.body')} testId="not-found" />}
    />
  );
}

/** A request's state as a coloured badge. */
export function StateBadge({ state }: { state: TConsultationState }) {
  const { t } = useTranslation('counselling');
  return (
    <span className={`m-cs-state m-cs-state-${state}`} data-testid="request-state">
      {t(`states.${state}`)}
    </span>
  );
}
