import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TConsentStatus, TInstrumentDefinition } from '../api';
import { momentDay, pick } from '../format';

/** About how long a scale takes: ~15 seconds an item, at least two minutes. */
function minutes(def: TInstrumentDefinition): number {
  return Math.max(2, Math.round((def.items.length * 15) / 60));
}

/**
 * A scale on offer: its name, what it is about, how long it takes and the way in. A member also
 * sees whether results are kept (`consent`); the public self-check leaves that out.
 */
export function InstrumentCard({
  def,
  to,
  consent,
}: {
  def: TInstrumentDefinition;
  to: string;
  consent?: TConsentStatus | 'public';
}) {
  const { t, i18n } = useTranslation('wellbeing');
  const lang = i18n.language;
  const granted = consent !== 'public' && consent?.granted;
  return (
    <li className="m-card m-wb-instrument" data-testid={`instrument-${def.code}`}>
      <h3>{pick(def.name, lang)}</h3>
      <p className="m-muted m-small">{pick(def.description, lang)}</p>
      <p className="m-wb-meta m-small">
        <span>{t('home.length', { count: def.items.length, minutes: minutes(def) })}</span>
        {consent === 'public' ? null : granted ? (
          <span className="m-wb-pill m-wb-pill-on" data-testid="consent-state">
            {t('home.keeping', { date: momentDay(consent?.grantedAt, lang) })}
          </span>
        ) : (
          <span className="m-wb-pill" data-testid="consent-state">
            {t('home.notKeeping')}
          </span>
        )}
      </p>
      <Link to={to} className="m-button m-button-primary m-button-block">
        {t('home.start')}
      </Link>
    </li>
  );
}
