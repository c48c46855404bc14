import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyTrayIcon } from '../../../mobile/icons';
import { useConsents, useInstruments } from '../api';
import { InstrumentCard } from './instrument-card';
import { LinkRow, QueryState } from './parts';

/** The instruments with my consent to keep each, and the ways to my history, shares and data. */
export function HomePage() {
  const { t } = useTranslation('wellbeing');
  const instruments = useInstruments();
  const consents = useConsents();
  const list = instruments.data;
  return (
    <>
      <section className="m-card m-wb-intro">
        <h2>{t('home.title')}</h2>
        <p className="m-muted">{t('home.intro')}</p>
        <p className="m-muted m-small">{t('home.private')}</p>
      </section>

      <div className="m-card m-list">
        <LinkRow
          to="/m/wellbeing/history"
          title={t('home.history')}
          sub={t('home.historySub')}
          testId="go-history"
        />
        <LinkRow
          to="/m/wellbeing/shares"
          title={t('home.shares')}
          sub={t('home.sharesSub')}
          testId="go-shares"
        />
        <LinkRow
          to="/m/wellbeing/privacy"
          title={t('home.privacy')}
          sub={t('home.privacySub')}
          testId="go-privacy"
        />
      </div>

      <h3 className="m-section-title">{t('home.instruments')}</h3>
      {!list ? (
        <QueryState error={instruments.error} onRetry={() => void instruments.refetch()} />
      ) : list.length === 0 ? (
        <section className="m-card m-empty">
          <EmptyTrayIcon size={56} />
          <h4>{t('home.emptyTitle')}</h4>
          <p className="m-muted">{t('home.emptyBody')}</p>
        </section>
      ) : (
        <ul className="m-cards">
          {list.map((d) => (
            <InstrumentCard
              key={d.code}
              def={d}
              to={`/m/wellbeing/take/${d.code}`}
              consent={consents.data?.find((c) => c.instrument === d.code)}
            />
          ))}
        </ul>
      )}

      <section className="m-card m-wb-talk">
        <h3>{t('home.talkTitle')}</h3>
        <p className="m-muted m-small">{t('home.talkBody')}</p>
        <Link to="/m/counselling" className="m-wb-link">
          {t('home.talkLink')}
        </Link>
      </section>
    </>
  );
}
