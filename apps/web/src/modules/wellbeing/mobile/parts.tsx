import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../i18n/error-message';
import { BackLink as SharedBackLink } from '../../../mobile/components/back-link';

export { LinkRow } from '../../../mobile/components/link-row';

import { Problem } from '../../../mobile/components/problem';
import { NotFoundCard, QueryState as SharedQueryState } from '../../../mobile/components/query-state';

/** Back to a page of the module, at the top of every inner page. */
export function BackLink({ to = '/m/wellbeing', label }: { to?: string; label?: string }) {
  const { t } = useTranslation('wellbeing');
  return <SharedBackLink to={to}>{label ?? t('back')}</SharedBackLink>;
}

/** A query still loading or failed: a spinner, or the reason with a retry. */
export function QueryState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('wellbeing');
  return (
    <SharedQueryState
      error={error}
      onRetry={onRetry}
      errorClassName="m-card m-wb-stack"
      notFound={<NotFoundCard title={t('notFound.title')} body={t('notFound.body')} testId="not-found" />}
    />
  );
}

/** The translated reason of a failed action, or nothing. */
export function ErrorNote({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t } = useTranslation(['wellbeing', 'errors']);
  return <Problem text={children ?? (error ? errorMessage(t, error) : null)} />;
}

/**
 * A destructive action in two steps: the first tap asks the question in place, the second
 * does it. Nothing modal, so it reads well on a small screen.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  pending,
  error,
  testId,
  linkStyle,
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending: boolean;
  error?: unknown;
  testId?: string;
  linkStyle?: boolean;
}) {
  const { t } = useTranslation('wellbeing');
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        className={linkStyle ? 'm-link-button m-wb-link-danger' : 'm-button m-button-danger m-button-block'}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {label}
      </button>
    );
  return (
    <fieldset className="m-wb-confirm" aria-label={label}>
      <p>{question}</p>
      <ErrorNote error={error} />
      <div className="m-wb-buttons">
        <button type="button" className="m-button m-wb-secondary" onClick={() => setAsking(false)}>
          {t('confirm.cancel')}
        </button>
        <button
          type="button"
          className="m-button m-button-primary"
          onClick={onConfirm}
          disabled={pending}
          data-testid={testId ? `${testId}-confirm` : undefined}
        >
          {pending ? t('confirm.working') : confirmLabel}
        </button>
      </div>
    </fieldset>
  );
}
