import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/api-error';
import { EmptyTrayIcon } from '../../../mobile/icons';
import {
  coachPhotoUrl,
  type TCoachProfile,
  type TShareScope,
  useCoaches,
  useCreateShare,
  useResult,
} from '../api';
import { coachKindLabel, momentDay, pick } from '../format';
import { BackLink, ErrorNote, QueryState } from './parts';

function CoachAvatar({ coach }: { coach: TCoachProfile }) {
  const [broken, setBroken] = useState(false);
  if (coach.hasPhoto && !broken)
    return (
      <img
        className="m-wb-avatar"
        src={coachPhotoUrl(coach.personId)}
        alt=""
        onError={() => setBroken(true)}
      />
    );
  return (
    <span className="m-wb-avatar m-wb-avatar-letter" aria-hidden="true">
      {coach.name.slice(0, 1)}
    </span>
  );
}

function CoachOption({
  coach,
  selected,
  onSelect,
}: {
  coach: TCoachProfile;
  selected: boolean;
  onSelect: () => void;
}) {
  const { i18n } = useTranslation('wellbeing');
  return (
    <li>
      <label
        className={selected ? 'm-wb-coach m-wb-coach-on' : 'm-wb-coach'}
        data-testid={`coach-${coach.personId}`}
      >
        <input type="radio" name="coach" checked={selected} onChange={onSelect} className="m-sr-only" />
        <CoachAvatar coach={coach} />
        <span className="m-row-text">
          <strong>{coach.name}</strong>
          <span className="m-muted m-small">
            {[coachKindLabel(coach.kind, i18n.language), coach.unitName].filter(Boolean).join(' · ')}
          </span>
          {coach.specialities.length > 0 && (
            <span className="m-wb-tags">
              {coach.specialities.map((s) => (
                <span key={s} className="m-tag">
                  {s}
                </span>
              ))}
            </span>
          )}
        </span>
      </label>
    </li>
  );
}

/** Sharing a kept result, or my whole history, with a coach I choose. */
export function SharePage({ resultId }: { resultId: number }) {
  const { t, i18n } = useTranslation('wellbeing');
  const lang = i18n.language;
  const result = useResult(resultId);
  const coaches = useCoaches();
  const share = useCreateShare();
  const [coachId, setCoachId] = useState<number | null>(null);
  const [scope, setScope] = useState<TShareScope>('result');
  const [problem, setProblem] = useState<string | null>(null);
  const back = `/m/wellbeing/results/${resultId}`;

  if (!result.data || !coaches.data)
    return (
      <>
        <BackLink to={back} label={t('share.backToResult')} />
        <QueryState
          error={result.error ?? coaches.error}
          onRetry={() => {
            void result.refetch();
            void coaches.refetch();
          }}
        />
      </>
    );

  if (share.isSuccess)
    return (
      <>
        <BackLink to={back} label={t('share.backToResult')} />
        <section className="m-card m-wb-stack" role="status" data-testid="share-done">
          <h2>{t('share.doneTitle')}</h2>
          <p>
            {share.data.scope === 'history'
              ? t('share.doneHistory', { name: share.data.coach.name })
              : t('share.doneResult', { name: share.data.coach.name })}
          </p>
          <p className="m-muted m-small">{t('share.revokeHint')}</p>
          <Link to="/m/wellbeing/shares" className="m-button m-button-primary m-button-block">
            {t('share.toShares')}
          </Link>
          <Link to={back} className="m-button m-wb-secondary m-button-block">
            {t('share.backToResult')}
          </Link>
        </section>
      </>
    );

  const submit = () => {
    if (coachId === null) return setProblem(t('share.pickCoach'));
    setProblem(null);
    share.mutate({ coachPersonId: coachId, scope, ...(scope === 'result' ? { resultId } : {}) });
  };
  const conflict = share.error instanceof ApiError && share.error.status === 409;
  const stored = result.data;

  return (
    <>
      <BackLink to={back} label={t('share.backToResult')} />
      <section className="m-card m-wb-stack">
        <h2>{t('share.title')}</h2>
        <p className="m-muted m-small">{t('share.intro')}</p>
      </section>

      <h3 className="m-section-title">{t('share.what')}</h3>
      <fieldset className="m-card m-wb-scopes">
        <legend className="m-sr-only">{t('share.what')}</legend>
        <label className={scope === 'result' ? 'm-wb-scope m-wb-scope-on' : 'm-wb-scope'}>
          <input type="radio" name="scope" checked={scope === 'result'} onChange={() => setScope('result')} />
          <span className="m-row-text">
            <strong>{t('share.scopeResult')}</strong>
            <span className="m-muted m-small">
              {pick(stored.name, lang)} · {momentDay(stored.takenAt, lang)}
            </span>
          </span>
        </label>
        <label className={scope === 'history' ? 'm-wb-scope m-wb-scope-on' : 'm-wb-scope'}>
          <input
            type="radio"
            name="scope"
            checked={scope === 'history'}
            onChange={() => setScope('history')}
          />
          <span className="m-row-text">
            <strong>{t('share.scopeHistory')}</strong>
            <span className="m-muted m-small">{t('share.scopeHistoryHint')}</span>
          </span>
        </label>
      </fieldset>

      <h3 className="m-section-title">{t('share.coach')}</h3>
      {coaches.data.length === 0 ? (
        <section className="m-card m-empty" data-testid="coaches-empty">
          <EmptyTrayIcon size={56} />
          <h4>{t('share.noCoachesTitle')}</h4>
          <p className="m-muted">{t('share.noCoachesBody')}</p>
        </section>
      ) : (
        <ul className="m-wb-coaches" aria-label={t('share.coach')}>
          {coaches.data.map((c) => (
            <CoachOption
              key={c.personId}
              coach={c}
              selected={coachId === c.personId}
              onSelect={() => {
                setCoachId(c.personId);
                setProblem(null);
              }}
            />
          ))}
        </ul>
      )}

      {problem && <ErrorNote error={null}>{problem}</ErrorNote>}
      {share.error && <ErrorNote error={share.error}>{conflict ? t('share.conflict') : undefined}</ErrorNote>}
      <button
        type="button"
        className="m-button m-button-primary m-button-block"
        onClick={submit}
        disabled={share.isPending || coaches.data.length === 0}
        data-testid="share-submit"
      >
        {share.isPending ? t('share.sharing') : t('share.submit')}
      </button>
      <p className="m-muted m-small m-wb-center">{t('share.revokeHint')}</p>
    </>
  );
}
