import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyTrayIcon } from '../../../mobile/icons';
import { type TShare, useRevokeShare, useShares } from '../api';
import { momentDay } from '../format';
import { BackLink, ConfirmAction, QueryState } from './parts';

function ShareCard({ share }: { share: TShare }) {
  const { t, i18n } = useTranslation('wellbeing');
  const revoke = useRevokeShare();
  return (
    <li className="m-card m-wb-stack" data-testid={`share-${share.id}`}>
      <div className="m-row-text">
        <strong>{share.coach.name}</strong>
        <span className="m-muted m-small">
          {t('shares.since', { date: momentDay(share.createdAt, i18n.language) })}
        </span>
      </div>
      <p>
        {share.scope === 'history' ? t('shares.history') : t('shares.result')}{' '}
        {share.scope === 'result' && share.resultId !== null && (
          <Link to={`/m/wellbeing/results/${share.resultId}`} className="m-wb-link">
            {t('shares.view')}
          </Link>
        )}
      </p>
      <ConfirmAction
        label={t('shares.revoke')}
        question={t('shares.revokeQuestion', { name: share.coach.name })}
        confirmLabel={t('shares.revokeConfirm')}
        pending={revoke.isPending}
        error={revoke.error}
        testId="share-revoke"
        onConfirm={() => revoke.mutate(share.id)}
      />
    </li>
  );
}

/** What I have shared with which coach, each revocable at once. */
export function SharesPage() {
  const { t } = useTranslation('wellbeing');
  const shares = useShares();
  const list = shares.data;
  return (
    <>
      <BackLink />
      <section className="m-card m-wb-stack">
        <h2>{t('shares.title')}</h2>
        <p className="m-muted m-small">{t('shares.intro')}</p>
      </section>
      {!list ? (
        <QueryState error={shares.error} onRetry={() => void shares.refetch()} />
      ) : list.length === 0 ? (
        <section className="m-card m-empty" data-testid="shares-empty">
          <EmptyTrayIcon size={56} />
          <h4>{t('shares.emptyTitle')}</h4>
          <p className="m-muted">{t('shares.emptyBody')}</p>
        </section>
      ) : (
        <ul className="m-cards" data-testid="shares-list">
          {list.map((s) => (
            <ShareCard key={s.id} share={s} />
          ))}
        </ul>
      )}
    </>
  );
}
