import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/me';
import {
  type TConsentStatus,
  type TErasure,
  useConsents,
  useDeleteMyData,
  useWellbeingSettings,
  useWithdrawConsent,
} from '../api';
import { clearAllDrafts, clearDraft } from '../draft';
import { momentDay, pick } from '../format';
import { BackLink, ConfirmAction, QueryState } from './parts';

function ErasureNote({ erasure }: { erasure: TErasure }) {
  const { t } = useTranslation('wellbeing');
  return (
    <p className="m-alert m-alert-success" role="status" data-testid="erasure-done">
      {t('privacy.erased', {
        results: t('privacy.results', { count: erasure.resultsErased }),
        shares: t('privacy.shares', { count: erasure.sharesRevoked }),
      })}
    </p>
  );
}

function ConsentRow({ consent, personId }: { consent: TConsentStatus; personId: number }) {
  const { t, i18n } = useTranslation('wellbeing');
  const lang = i18n.language;
  const withdraw = useWithdrawConsent();
  const [done, setDone] = useState<TErasure | null>(null);
  return (
    <li className="m-wb-consent-row" data-testid={`privacy-${consent.instrument}`}>
      <div className="m-row-text">
        <strong>{pick(consent.name, lang)}</strong>
        <span className="m-muted m-small">
          {consent.granted
            ? t('privacy.grantedOn', { date: momentDay(consent.grantedAt, lang) })
            : t('privacy.notGranted')}
        </span>
      </div>
      {done && <ErasureNote erasure={done} />}
      {consent.granted && (
        <ConfirmAction
          linkStyle
          label={t('privacy.withdraw')}
          question={t('privacy.withdrawQuestion', { name: pick(consent.name, lang) })}
          confirmLabel={t('privacy.withdrawConfirm')}
          pending={withdraw.isPending}
          error={withdraw.error}
          testId={`withdraw-${consent.instrument}`}
          onConfirm={() =>
            withdraw.mutate(consent.instrument, {
              onSuccess: (erasure) => {
                clearDraft(personId, consent.instrument);
                setDone(erasure);
              },
            })
          }
        />
      )}
    </li>
  );
}

/** What is kept about me and for how long; withdrawing consent per instrument; erasing it all. */
export function PrivacyPage() {
  const { t } = useTranslation('wellbeing');
  const me = useMe().data;
  const consents = useConsents();
  const settings = useWellbeingSettings();
  const erase = useDeleteMyData();
  if (!me) return null;
  return (
    <>
      <BackLink />
      <section className="m-card m-wb-stack">
        <h2>{t('privacy.title')}</h2>
        <ul className="m-wb-points">
          <li>{t('privacy.onlyMe')}</li>
          <li>{t('privacy.noOneElse')}</li>
          <li>
            {settings.data
              ? t('privacy.retention', { days: settings.data.retentionDays })
              : t('privacy.retentionUnknown')}
          </li>
          <li>{t('privacy.selfCheck')}</li>
        </ul>
      </section>

      <h3 className="m-section-title">{t('privacy.consents')}</h3>
      {!consents.data ? (
        <QueryState error={consents.error} onRetry={() => void consents.refetch()} />
      ) : (
        <ul className="m-card m-wb-consents">
          {consents.data.map((c) => (
            <ConsentRow key={c.instrument} consent={c} personId={me.person.id} />
          ))}
        </ul>
      )}

      <h3 className="m-section-title">{t('privacy.eraseTitle')}</h3>
      <section className="m-card m-wb-stack" data-testid="erase-all">
        <p className="m-muted m-small">{t('privacy.eraseBody')}</p>
        {erase.data && <ErasureNote erasure={erase.data} />}
        <ConfirmAction
          key={erase.data ? 'done' : 'ask'}
          label={t('privacy.erase')}
          question={t('privacy.eraseQuestion')}
          confirmLabel={t('privacy.eraseConfirm')}
          pending={erase.isPending}
          error={erase.error}
          testId="erase-all-button"
          onConfirm={() => erase.mutate(undefined, { onSuccess: () => clearAllDrafts(me.person.id) })}
        />
      </section>
    </>
  );
}
