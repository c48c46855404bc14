import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { issuesOf } from '../../../api/issues';
import { errorMessage } from '../../../i18n/error-message';
import { ChipNav } from '../../../mobile/components/chip-nav';
import { NotFoundCard, QueryState as SharedQueryState } from '../../../mobile/components/query-state';
import type { THotlineMine, THotlineState } from '../api';
import { currentDue, dateTime, stateLabel, urgencyLabel } from '../format';

export { BackLink } from '../../../mobile/components/back-link';
export { EmptyState as Empty } from '../../../mobile/components/empty-state';
export { PrivacyNote } from '../../../mobile/components/privacy-note';
export { Problem } from '../../../mobile/components/problem';

/** The module's own navigation: my items, raising a problem, the anonymous follow-up, the board. */
export function HotlineNav() {
  const { t } = useTranslation('hotline');
  return (
    <ChipNav
      label={t('nav.label')}
      testId="hotline-nav"
      links={[
        { to: '/m/hotline', end: true, label: t('nav.home') },
        { to: '/m/hotline/new', end: true, label: t('nav.new') },
        { to: '/m/hotline/track', end: true, label: t('nav.track') },
        { to: '/m/hotline/board', end: true, label: t('nav.board') },
      ]}
    />
  );
}

/** The issues of a `validation_failed` answer, as [path, message] (`body.title`, `item.title`). */
export function issues(error: unknown): { path: string; message: string }[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
  return issuesOf(error).map((i) => ({ path: i.path.join('.'), message: i.message }));
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
  const { t } = useTranslation('hotline');
  return (
    <SharedQueryState
      error={error}
      onRetry={onRetry}
      notFound={
        notFound ?? <NotFoundCard title={t('notFound.title')} body={t('notFound.body')} testId="not-found" />
      }
    />
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
