import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useItem } from '../api';
import { ItemView } from './item-view';
import { BackLink, QueryState } from './parts';

/** /m/hotline/mine/:id — one of my named or confidential items. */
export function MinePage({ id }: { id: number }) {
  const { t } = useTranslation('hotline');
  const filed = (useLocation().state as { filed?: string } | null)?.filed;
  const source = { kind: 'mine', id } as const;
  const item = useItem(source);
  return (
    <>
      <BackLink to="/m/hotline">{t('nav.home')}</BackLink>
      {filed && (
        <p className="m-alert m-alert-success" role="status" data-testid="filed-named">
          {t('filed.named', { code: filed })}
        </p>
      )}
      {!item.data ? (
        <QueryState error={item.error} onRetry={() => void item.refetch()} />
      ) : (
        <ItemView source={source} item={item.data} />
      )}
    </>
  );
}
