import type { TProfileResult, TTotalResult } from '@lifeline/shared';
import { useTranslation } from 'react-i18next';
import type { TInstrumentDefinition, TScoreResult, TWellbeingSettings } from '../api';
import {
  bandLabel,
  bandSeverity,
  dimensionMax,
  explanationKey,
  momentDay,
  pick,
  scoreRange,
  type TAudience,
} from '../format';
import { CarePath, TalkOffer } from './care-path';

function TotalView({ def, result }: { def: TInstrumentDefinition | undefined; result: TTotalResult }) {
  const { t, i18n } = useTranslation('wellbeing');
  const lang = i18n.language;
  const key = explanationKey(result.instrument, result.band);
  const range = def ? scoreRange(def) : null;
  const severity = bandSeverity(def, result.band);
  const tone = severity >= 0.99 ? 'high' : severity >= 0.5 ? 'mid' : severity > 0 ? 'low' : 'none';
  const sameScale = result.standard === result.raw;
  return (
    <>
      <p className={`m-wb-band m-wb-band-${tone}`} data-testid="result-band">
        {bandLabel(def, result.band, lang)}
      </p>
      <p data-testid="result-score">
        {sameScale
          ? t('result.score', { score: result.standard, max: range?.max ?? '—' })
          : t('result.standard', { score: result.standard, raw: result.raw })}
      </p>
      {range && (
        <div className="m-wb-scale" aria-hidden="true">
          <span
            style={{
              left: `${Math.min(100, Math.max(0, ((result.standard - range.min) / (range.max - range.min || 1)) * 100))}%`,
            }}
          />
        </div>
      )}
      <p data-testid="result-explanation">
        {key
          ? t(key, { feeling: t(`feeling.${result.instrument}`, { defaultValue: '' }) })
          : t('explain.generic')}
      </p>
    </>
  );
}

function ProfileView({ def, result }: { def: TInstrumentDefinition | undefined; result: TProfileResult }) {
  const { t, i18n } = useTranslation('wellbeing');
  const lang = i18n.language;
  const dims = def?.scoring.kind === 'profile' ? def.scoring.dimensions : [];
  const label = (code: string) => {
    const d = dims.find((x) => x.code === code);
    return d ? pick(d.label, lang) : code;
  };
  const top = Math.max(1, ...result.profile.map((p) => dimensionMax(def, p.dimension) ?? p.score));
  const letters = [...result.code];
  return (
    <>
      <p className="m-wb-band m-wb-band-none" data-testid="result-code">
        {t('result.code', { code: result.code })}
      </p>
      <p className="m-muted m-small">{t('explain.profile')}</p>
      <ul className="m-wb-code-letters">
        {letters.map((l) => (
          <li key={l}>
            <strong>{l}</strong>
            <span>{label(l)}</span>
          </li>
        ))}
      </ul>
      {result.tied && <p className="m-muted m-small">{t('result.tied')}</p>}
      <ul className="m-wb-bars" data-testid="result-profile">
        {result.profile.map((p) => {
          const max = dimensionMax(def, p.dimension) ?? top;
          return (
            <li key={p.dimension}>
              <span className="m-wb-bar-label">
                <strong>{p.dimension}</strong> {label(p.dimension).split(/[:：]/)[0]}
              </span>
              <span className="m-wb-bar" aria-hidden="true">
                <span
                  className={letters.includes(p.dimension) ? 'm-wb-bar-top' : undefined}
                  style={{ width: `${Math.min(100, (p.score / max) * 100)}%` }}
                />
              </span>
              <span className="m-wb-bar-value">{p.score}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/**
 * A result in plain words: the band and what it means (or a profile), the score, the flags,
 * and that it is a screening, not a diagnosis. The care path comes first when `care` is set.
 */
export function ResultView({
  def,
  result,
  care,
  settings,
  takenAt,
  name,
  audience = 'member',
}: {
  def: TInstrumentDefinition | undefined;
  result: TScoreResult;
  care: boolean;
  settings: TWellbeingSettings | undefined;
  takenAt?: string;
  name?: string;
  /** On the public self-check the care path offers no consultation (it needs an account). */
  audience?: TAudience;
}) {
  const { t, i18n } = useTranslation('wellbeing');
  const lang = i18n.language;
  const flagLabels = result.flags.map((code) => {
    const rule = def?.flags.find((f) => f.code === code);
    return rule ? pick(rule.label, lang) : code;
  });
  return (
    <>
      {care && settings && <CarePath settings={settings} audience={audience} />}
      <section className="m-card m-wb-stack m-wb-result" data-testid="result">
        <p className="m-muted m-small">
          {[
            name ?? (def ? pick(def.name, lang) : result.instrument),
            takenAt ? momentDay(takenAt, lang) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <h2>{t('result.title')}</h2>
        {result.kind === 'total' ? (
          <TotalView def={def} result={result} />
        ) : (
          <ProfileView def={def} result={result} />
        )}
        {flagLabels.length > 0 && (
          <div className="m-alert m-alert-warning" data-testid="result-flags">
            <p>{t('result.flags')}</p>
            <ul>
              {[...new Set(flagLabels)].map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
        )}
        <p className="m-wb-note m-small">{t('result.screening')}</p>
      </section>
      {!care && result.kind === 'total' && <TalkOffer audience={audience} />}
    </>
  );
}
