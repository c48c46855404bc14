import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A path under /m that no page claims. */
export function MobileNotFoundPage() {
  const { t } = useTranslation('common');
  return (
    <section className="m-result" data-testid="not-found">
      <div className="m-result-code">404</div>
      <h2>{t('notFound.title')}</h2>
      <p>{t('notFound.description')}</p>
      <Link to="/m" className="m-button m-button-primary">
        {t('actions.backHome')}
      </Link>
    </section>
  );
}
