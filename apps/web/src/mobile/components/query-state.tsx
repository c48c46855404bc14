import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { errorMessage } from '../../i18n/error-message';
import { MobileLoading } from '../pages/mobile-loading';

/** What a page says when its record is not there (or not for this reader): a card, no icon. */
export function NotFoundCard({ title, body, testId }: { title: string; body: string; testId?: string }) {
  return (
    <section className="m-card m-empty" data-testid={testId}>
      <h4>{title}</h4>
      <p className="m-muted">{body}</p>
    </section>
  );
}

/**
 * A query still loading or failed: a spinner, `notFound` for a 404, or the reason with a retry
 * (in `errorClassName`, by default the centred result block).
 */
export function QueryState({
  error,
  onRetry,
  notFound,
  errorClassName = 'm-result',
}: {
  error: unknown;
  onRetry: () => void;
  notFound: ReactNode;
  errorClassName?: string;
}) {
  const { t } = useTranslation(['common', 'errors']);
  if (!error) return <MobileLoading />;
  if (error instanceof ApiError && error.status === 404) return notFound;
  return (
    <section className={errorClassName} role="alert">
      <p>{errorMessage(t, error)}</p>
      <button type="button" className="m-button m-button-primary" onClick={onRetry}>
        {t('common:actions.retry')}
      </button>
    </section>
  );
}
