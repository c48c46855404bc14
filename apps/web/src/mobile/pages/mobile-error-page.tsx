import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { ApiError } from '../../api/api-error';
import { errorMessage } from '../../i18n/error-message';

/** A page that threw or whose code failed to load (often after a release): offer a reload. */
export function MobileErrorPage() {
  const { t } = useTranslation(['common', 'errors']);
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <section className="m-result" role="alert">
      <div className="m-result-code">!</div>
      <h2>{t('crash.title')}</h2>
      <p>{t('crash.description')}</p>
      {error instanceof ApiError && <p className="m-muted">{errorMessage(t, error)}</p>}
      <button type="button" className="m-button m-button-primary" onClick={() => window.location.reload()}>
        {t('actions.reload')}
      </button>
    </section>
  );
}
