import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { ApiError } from '../../../api/api-error';
import { errorMessage } from '../../../i18n/error-message';
import { ChevronRightIcon, EmptyTrayIcon } from '../../../mobile/icons';
import { MobileLoading } from '../../../mobile/pages/mobile-loading';
import type { THotlineMine, THotlineState } from '../api';
import { currentDue, dateTime, stateLabel, urgencyLabel } from '../format';

/** The module's own navigation: my items, raising a problem, the anonymous follow-up, the board. */
export function HotlineNav() {
  const { t } = useTranslation('hotline');
  const cls = ({ isActive }: { isActive: boolean }) => (isActive ? 'm-hl-nav-on' : undefined);
  return (
    <nav className="m-hl-nav" aria-label={t('nav.label')} data-testid="hotline-nav">
      <NavLink to="/m/hotline" end className={cls}>
        {t('nav.home')}
      </NavLink>
      <NavLink to="/m/hotline/new" end className={cls}>
        {t('nav.new')}
      </NavLink>
      <NavLink to="/m/hotline/track" end className={cls}>
        {t('nav.track')}
      </NavLink>
      <NavLink to="/m/hotline/board" end className={cls}>
        {t('nav.board')}
      </NavLink>
    </nav>
  );
}

/** Back to a list, at the top of a detail page. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="m-hl-back">
      <ChevronRightIcon size={20} className="m-hl-back-icon" />
      {children}
    </Link>
  );
}

/** The issues of a `validation_failed` answer, as [path, message] (`body.title`, `item.title`). */
export function issues(error: unknown): { path: string; message: string }[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
  const list = (error.details as { issues?: { path?: unknown; message?: unknown }[] } | undefined)?.issues;
  return Array.isArray(list)
    ? list.map((i) => ({ path: String(i?.path ?? ''), message: String(i?.message ?? '') }))
    : [];
}

/** The last segment of each issue's path: the field it is about (`title` of `body.item.title`). */
export function issueFields(error: unknown): Set<string> {
  return new Set(issues(error).map((i) => i.path.split('.').filter(Boolean).pop() ?? ''));
}

/** Whether a failed call was a stale version or a move the item no longer allows. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'conflict' || error.code === 'invalid_transition');
}

/** The text of a failed call; a stale version says plainly that the item changed meanwhile. */
export function problemText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'conflict') return t('hotline:conflict');
  if (error instanceof ApiError && error.code === 'invalid_transition') return t('hotline:invalidTransition');
  return errorMessage(t, error);
}

/** A query still loading or failed: a spinner, or the reason with a retry. */
export function QueryState({
  error,
  onRetry,
  notFound,
}: {
  error: unknown;
  onRetry: () => void;
  notFound?: ReactNode;
}) {
  const { t } = useTranslation(['hotline', 'common', 'errors']);
  if (!error) return <MobileLoading />;
  if (error instanceof ApiError && error.status === 404)
    return (
      notFound ?? (
        <section className="m-card m-empty" data-testid="not-found">
          <h4>{t('notFound.title')}</h4>
          <p className="m-muted">{t('notFound.body')}</p>
        </section>
      )
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
export function Empty({
  title,
  body,
  testId,
  children,
}: {
  title: string;
  body?: string;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <section className="m-card m-empty" data-testid={testId}>
      <EmptyTrayIcon size={56} />
      <h4>{title}</h4>
      {body && <p className="m-muted">{body}</p>}
      {children}
    </section>
  );
}

/** An item's state as a coloured badge, named as the shared state table names it. */
export function StateBadge({ state }: { state: THotlineState }) {
  const { i18n } = useTranslation();
  return (
    <span className={`m-hl-state m-hl-state-${state}`} data-testid="item-state">
      {stateLabel(state, i18n.language)}
    </span>
  );
}

/** Urgent and immediate items carry a tag; normal ones none. */
export function UrgencyTag({ urgency }: { urgency: string }) {
  const { i18n } = useTranslation();
  if (urgency === 'normal') return null;
  return (
    <span className={`m-hl-urgency m-hl-urgency-${urgency}`} data-testid="item-urgency">
      {urgencyLabel(urgency, i18n.language)}
    </span>
  );
}

/** The deadline that matters now, and an overdue mark. */
export function DueLine({
  item,
}: {
  item: Pick<THotlineMine, 'state' | 'acceptDue' | 'answerDue' | 'overdue'>;
}) {
  const { t, i18n } = useTranslation('hotline');
  const due = currentDue(item);
  if (!due && !item.overdue) return null;
  return (
    <span className="m-hl-due" data-testid="item-due">
      {due && t(`due.${due.kind}`, { date: dateTime(due.at, i18n.language) })}
      {item.overdue && (
        <span className="m-hl-overdue" data-testid="item-overdue">
          {t('due.overdue')}
        </span>
      )}
    </span>
  );
}

/** A short statement on who sees what, with a padlock. */
export function PrivacyNote({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="m-hl-privacy" data-testid={testId}>
      <svg
        width={18}
        height={18}
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
      <span>{children}</span>
    </p>
  );
}

/** An alert line, shown only when there is something to say. */
export function Problem({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <p className="m-alert" role="alert">
      {text}
    </p>
  );
}
