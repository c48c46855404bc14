import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink as SharedBackLink } from '../../../mobile/components/back-link';
import { NotFoundCard, QueryState as SharedQueryState } from '../../../mobile/components/query-state';
import { useNotices } from '../api';

/** Back to the list of notices, at the top of every detail page. */
export function BackLink() {
  const { t } = useTranslation('innovation-notices');
  return <SharedBackLink to="/m/innovation">{t('back')}</SharedBackLink>;
}

/** The heading of a detail page: what it shows, and of which cycle (from the cached list). */
export function CycleHeading({
  cycleId,
  what,
  children,
}: {
  cycleId: number;
  what: string;
  children?: ReactNode;
}) {
  const notice = useNotices().data?.find((n) => n.cycleId === cycleId);
  return (
    <section className="m-card m-heading">
      {notice && (
        <p className="m-muted m-small">
          {notice.name} · {notice.ownerUnitName}
        </p>
      )}
      <h2>{what}</h2>
      {children}
    </section>
  );
}

/** A query still loading or failed: a spinner, or the reason (404: not public, or not for me). */
export function QueryState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('innovation-notices');
  return (
    <SharedQueryState
      error={error}
      onRetry={onRetry}
      notFound={<NotFoundCard title={t('notPublic.title')} body={t('notPublic.body')} testId="not-public" />}
    />
  );
}

/** Today in Shanghai (YYYY-MM-DD), the calendar the server's business days follow. */
export { beijingToday as shanghaiToday } from '../../../i18n/format';
