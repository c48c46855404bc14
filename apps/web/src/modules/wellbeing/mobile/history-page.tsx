import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyTrayIcon } from '../../../mobile/icons';
import {
  type TInstrumentDefinition,
  type TStoredResult,
  useConsents,
  useDeleteResult,
  useInstruments,
  useResults,
} from '../api';
import { bandLabel, momentDateTime, pick, scoreRange } from '../format';
import { BackLink, ConfirmAction, QueryState } from './parts';
import { TrendChart } from './trend-chart';

/** The abbreviation in a name's brackets ("SAS"), or the whole name. */
function shortName(name: string): string {
  return /[（(]([^）)]+)[）)]\s*$/.exec(name)?.[1] ?? name;
}

function Summary({ def, stored }: { def: TInstrumentDefinition | undefined; stored: TStoredResult }) {
  const { t, i18n } = useTranslation('wellbeing');
  const r = stored.result;
  if (r.kind === 'profile') return <>{t('result.code', { code: r.code })}</>;
  return (
    <>
      {bandLabel(def, r.band, i18n.language)} · {t('history.score', { score: r.standard })}
    </>
  );
}

function ResultRow({ def, stored }: { def: TInstrumentDefinition | undefined; stored: TStoredResult }) {
  const { t, i18n } = useTranslation('wellbeing');
  const remove = useDeleteResult();
  return (
    <li className="m-wb-history-row" data-testid="history-row">
      <Link to={`/m/wellbeing/results/${stored.id}`} className="m-wb-history-link">
        <span className="m-row-text">
          <span>
            <Summary def={def} stored={stored} />
          </span>
          <span className="m-muted m-small">{momentDateTime(stored.takenAt, i18n.language)}</span>
        </span>
      </Link>
      <ConfirmAction
        linkStyle
        label={t('history.delete')}
        question={t('result.deleteQuestion')}
        confirmLabel={t('result.deleteConfirm')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(stored.id)}
      />
    </li>
  );
}

function InstrumentHistory({ def, code }: { def: TInstrumentDefinition | undefined; code: string }) {
  const { t, i18n } = useTranslation('wellbeing');
  const lang = i18n.language;
  const results = useResults(code);
  const list = results.data;
  if (!list) return <QueryState error={results.error} onRetry={() => void results.refetch()} />;
  if (list.length === 0)
    return (
      <section className="m-card m-empty" data-testid="history-empty">
        <EmptyTrayIcon size={56} />
        <h4>{t('history.emptyTitle')}</h4>
        <p className="m-muted">{t('history.emptyBody')}</p>
        <Link to={`/m/wellbeing/take/${code}`} className="m-button m-button-primary">
          {t('home.start')}
        </Link>
      </section>
    );
  const range = def ? scoreRange(def) : null;
  const totals = list.filter((s) => s.result.kind === 'total');
  const points = totals
    .map((s) => ({ id: s.id, takenAt: s.takenAt, value: s.result.kind === 'total' ? s.result.standard : 0 }))
    .reverse();
  const cuts =
    def?.scoring.kind === 'total'
      ? def.scoring.norms.bands.map((b) => ({ value: b.from, label: pick(b.label, lang) }))
      : [];
  return (
    <>
      {range && points.length > 0 && (
        <section className="m-card m-wb-stack">
          <h3>{t('history.chartTitle')}</h3>
          <TrendChart points={points} min={range.min} max={range.max} cuts={cuts} />
          <p className="m-muted m-small">{t('history.chartHint')}</p>
        </section>
      )}
      <ul className="m-card m-wb-history" data-testid="history-list">
        {list.map((s) => (
          <ResultRow key={s.id} def={def} stored={s} />
        ))}
      </ul>
    </>
  );
}

/** My kept results of one instrument at a time, with the trend of the standard score. */
export function HistoryPage() {
  const { t, i18n } = useTranslation('wellbeing');
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const instruments = useInstruments();
  const consents = useConsents();
  const list = instruments.data;
  if (!list)
    return (
      <>
        <BackLink />
        <QueryState error={instruments.error} onRetry={() => void instruments.refetch()} />
      </>
    );
  const consented = consents.data?.find((c) => c.granted)?.instrument;
  const code = params.get('instrument') ?? consented ?? list[0]?.code ?? null;
  const def = list.find((d) => d.code === code);
  return (
    <>
      <BackLink />
      <section className="m-card m-wb-stack">
        <h2>{t('history.title')}</h2>
        <p className="m-muted m-small">{t('history.intro')}</p>
        <div className="m-wb-chips" role="tablist" aria-label={t('history.pick')}>
          {list.map((d) => (
            <button
              key={d.code}
              type="button"
              role="tab"
              aria-selected={d.code === code}
              className={d.code === code ? 'm-chip m-wb-chip-on' : 'm-chip'}
              onClick={() => setParams({ instrument: d.code }, { replace: true })}
            >
              {shortName(pick(d.name, lang))}
            </button>
          ))}
        </div>
        {def && <p data-testid="history-instrument">{pick(def.name, lang)}</p>}
      </section>
      {code ? (
        <InstrumentHistory key={code} def={def} code={code} />
      ) : (
        <section className="m-card m-empty">
          <h4>{t('history.emptyTitle')}</h4>
        </section>
      )}
    </>
  );
}
