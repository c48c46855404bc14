import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useDeleteResult, useInstruments, useResult, useWellbeingSettings } from '../api';
import { needsCare, pick } from '../format';
import { BackLink, ConfirmAction, QueryState } from './parts';
import { ResultView } from './result-view';

/** What taking a scale passes along to the page of the result just kept. */
type ArrivalState = { care?: boolean; fresh?: boolean } | null;

/** A stored result of mine: what it means, sharing it, my history, deleting it. */
export function ResultPage({ resultId }: { resultId: number }) {
  const { t, i18n } = useTranslation('wellbeing');
  const lang = i18n.language;
  const navigate = useNavigate();
  const arrival = useLocation().state as ArrivalState;
  // The server's word on care counts when we just stored it; re-opened later, the same rule here.
  const [fresh] = useState(() => !!arrival?.fresh);
  const query = useResult(resultId);
  const instruments = useInstruments();
  const settings = useWellbeingSettings();
  const remove = useDeleteResult();
  const stored = query.data;
  if (!stored)
    return (
      <>
        <BackLink />
        <QueryState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  const def = instruments.data?.find((d) => d.code === stored.instrument);
  const care = (typeof arrival?.care === 'boolean' && arrival.care) || needsCare(stored.result);
  const historyTo = `/m/wellbeing/history?instrument=${encodeURIComponent(stored.instrument)}`;
  return (
    <>
      <BackLink to={historyTo} label={t('history.title')} />
      {fresh && (
        <p className="m-alert m-alert-success" role="status" data-testid="result-kept">
          {t('result.kept')}
        </p>
      )}
      <ResultView
        def={def}
        result={stored.result}
        care={care}
        settings={settings.data}
        takenAt={stored.takenAt}
        name={pick(stored.name, lang)}
      />
      <section className="m-card m-wb-stack">
        <h3>{t('result.shareTitle')}</h3>
        <p className="m-muted m-small">{t('result.shareBody')}</p>
        <Link
          to={`/m/wellbeing/results/${stored.id}/share`}
          className="m-button m-wb-secondary m-button-block"
          data-testid="share-open"
        >
          {t('result.share')}
        </Link>
      </section>
      <div className="m-card m-list">
        <Link to={historyTo} className="m-row m-row-link">
          <span>{t('result.history')}</span>
        </Link>
        <Link to="/m/wellbeing" className="m-row m-row-link">
          <span>{t('result.backHome')}</span>
        </Link>
      </div>
      <ConfirmAction
        label={t('result.delete')}
        question={t('result.deleteQuestion')}
        confirmLabel={t('result.deleteConfirm')}
        pending={remove.isPending}
        error={remove.error}
        testId="result-delete"
        onConfirm={() =>
          remove.mutate(stored.id, { onSuccess: () => navigate(historyTo, { replace: true }) })
        }
      />
    </>
  );
}
