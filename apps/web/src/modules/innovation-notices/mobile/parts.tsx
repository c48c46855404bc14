import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/api-error';
import { errorMessage } from '../../../i18n/error-message';
import { ChevronRightIcon } from '../../../mobile/icons';
import { MobileLoading } from '../../../mobile/pages/mobile-loading';
import { useNotices } from '../api';

/** Back to the list of notices, at the top of every detail page. */
export function BackLink() {
  const { t } = useTranslation('innovation-notices');
  return (
    <Link to="/m/innovation" className="m-in-back">
      <ChevronRightIcon size={20} className="m-in-back-icon" />
      {t('back')}
    </Link>
  );
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
    <section className="m-card m-in-heading">
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
  const { t } = useTranslation(['innovation-notices', 'common', 'errors']);
  if (!error) return <MobileLoading />;
  if (error instanceof ApiError && error.status === 404)
    return (
      <section className="m-card m-empty" data-testid="not-public">
        <h4>{t('notPublic.title')}</h4>
        <p className="m-muted">{t('notPublic.body')}</p>
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

/** Today in Shanghai (YYYY-MM-DD), the calendar the server's business days follow. */
export function shanghaiToday(): string {
  return new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
}
