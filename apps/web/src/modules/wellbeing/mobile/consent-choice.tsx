import { CONSENT_TEXT_VERSION, consentText } from '@lifeline/shared';
import { useTranslation } from 'react-i18next';
import { type TConsentStatus, type TInstrumentDefinition, useGiveConsent } from '../api';
import { consentLanguage, pick } from '../format';
import { ErrorNote } from './parts';

/**
 * Before a first result is kept: the specific consent (why, who sees it, how long), with two
 * equal choices — agree and keep my results, or just look at the result and keep nothing.
 */
export function ConsentChoice({
  def,
  consent,
  retentionDays,
  notice,
  onKeep,
  onCheck,
}: {
  def: TInstrumentDefinition;
  consent: TConsentStatus | undefined;
  retentionDays: number;
  notice?: string | null;
  onKeep: () => void;
  onCheck: () => void;
}) {
  const { t, i18n } = useTranslation('wellbeing');
  const lang = i18n.language;
  const give = useGiveConsent();
  const text = consentText(def.name, retentionDays, consentLanguage(lang));
  // The wording shown is this bundle's; agreeing to another version would agree to unseen words.
  const stale = !!consent && consent.textVersion !== CONSENT_TEXT_VERSION;
  const agree = () =>
    give.mutate(
      { instrument: def.code, textVersion: consent?.textVersion ?? CONSENT_TEXT_VERSION },
      { onSuccess: onKeep },
    );
  return (
    <>
      <section className="m-card m-wb-stack">
        <p className="m-muted m-small">{pick(def.name, lang)}</p>
        <h2>{t('consent.heading')}</h2>
        <p className="m-muted">{t('consent.lead')}</p>
      </section>
      {notice && (
        <p className="m-alert m-alert-warning" role="status">
          {notice}
        </p>
      )}
      <section className="m-card m-wb-stack m-wb-consent" data-testid="consent-text">
        <h3>{text.title}</h3>
        <ul>
          {text.points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        <ErrorNote error={give.error} />
        {stale && (
          <p className="m-alert m-alert-warning" role="status">
            {t('consent.stale')}
          </p>
        )}
        <button
          type="button"
          className="m-button m-button-primary m-button-block"
          onClick={agree}
          disabled={give.isPending || stale}
          data-testid="consent-agree"
        >
          {give.isPending ? t('consent.agreeing') : t('consent.agree')}
        </button>
        <p className="m-muted m-small">{t('consent.agreeHint')}</p>
      </section>
      <section className="m-card m-wb-stack">
        <h3>{t('consent.checkTitle')}</h3>
        <p className="m-muted m-small">{t('consent.checkBody')}</p>
        <button
          type="button"
          className="m-button m-wb-secondary m-button-block"
          onClick={onCheck}
          data-testid="consent-check-only"
        >
          {t('consent.checkOnly')}
        </button>
      </section>
    </>
  );
}
