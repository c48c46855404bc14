import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { ApiError } from '../../../api/api-error';
import { useMe } from '../../../api/me';
import { errorMessage } from '../../../i18n/error-message';
import { ChevronRightIcon, EmptyTrayIcon } from '../../../mobile/icons';
import { MobileLoading } from '../../../mobile/pages/mobile-loading';
import { MobileNotFoundPage } from '../../../mobile/pages/mobile-not-found-page';
import type { TConsultationState } from '../api';

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
  const cls = ({ isActive }: { isActive: boolean }) => (isActive ? 'm-cs-nav-on' : undefined);
  return (
    <nav className="m-cs-nav" aria-label={t('nav.label')} data-testid="counselling-nav">
      <NavLink to="/m/counselling" end className={cls}>
        {t('nav.team')}
      </NavLink>
      <NavLink to="/m/counselling/requests" end className={cls}>
        {t('nav.mine')}
      </NavLink>
      {coach && (
        <>
          <NavLink to="/m/counselling/inbox" className={cls}>
            {t('nav.inbox')}
          </NavLink>
          <NavLink to="/m/counselling/shared" className={cls}>
            {t('nav.shared')}
          </NavLink>
          <NavLink to="/m/counselling/profile" className={cls}>
            {t('nav.profile')}
          </NavLink>
        </>
      )}
    </nav>
  );
}

/** Back to a list, at the top of a detail page. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="m-cs-back">
      <ChevronRightIcon size={20} className="m-cs-back-icon" />
      {children}
    </Link>
  );
}

/** The paths of a `validation_failed` answer's issues (`body.startsAt`, `body.slots.2.end`). */
export function issuePaths(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
  const issues = (error.details as { issues?: { path?: unknown }[] } | undefined)?.issues;
  return Array.isArray(issues) ? issues.map((i) => String(i?.path ?? '')) : [];
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
  const { t } = useTranslation(['counselling', 'common', 'errors']);
  if (!error) return <MobileLoading />;
  if (error instanceof ApiError && error.status === 404)
    return (
      <section className="m-card m-empty" data-testid="not-found">
        <h4>{t('notFound.title')}</h4>
        <p className="m-muted">{t('notFound.body')}</p>
      </section>
    );
  return (
    <section className="m-result" role="alert">
      <p>{errorMessage(t, error)}</p>
      <button type="button" className="m-button m-button-primary" onClick={onRetry}>
        {t('common:actions.retry')}
      </button>
    </section>
  );
}

/** An honest empty state. */
export function Empty({ title, body, testId }: { title: string; body?: string; testId?: string }) {
  return (
    <section className="m-card m-empty" data-testid={testId}>
      <EmptyTrayIcon size={56} />
      <h4>{title}</h4>
      {body && <p className="m-muted">{body}</p>}
    </section>
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

/** A padlock: what is said here stays private. */
export function LockIcon({ size = 18 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </svg>
  );
}

/** A short privacy statement with a padlock. */
export function PrivacyNote({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="m-cs-privacy" data-testid={testId}>
      <LockIcon />
      <span>{children}</span>
    </p>
  );
}
