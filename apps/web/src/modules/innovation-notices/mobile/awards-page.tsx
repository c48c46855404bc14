import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { errorMessage } from '../../../i18n/error-message';
import { type TAward, type TAwardsView, useAwards, useLodgeObjection } from '../api';
import { day, levelLabel, momentDay, tierLabel, yuan } from '../format';
import { BackLink, CycleHeading, QueryState } from './parts';

/** The bounds of an objection's text, as the server checks them (after trimming). */
const MIN_TEXT = 5;
const MAX_TEXT = 4000;

/** The reasons of a refused objection that this page words itself. */
function refusal(t: TFunction, error: unknown): string {
  const reason =
    error instanceof ApiError ? (error.details as { reason?: unknown } | undefined)?.reason : null;
  if (reason === 'publicity_closed') return t('innovation-notices:awards.closed');
  return errorMessage(t, error);
}

/** The form under an award while its publicity runs: anonymous to other readers, 5–4000 characters. */
function ObjectionForm({ cycleId, award, onDone }: { cycleId: number; award: TAward; onDone: () => void }) {
  const { t } = useTranslation(['innovation-notices', 'errors']);
  const lodge = useLodgeObjection(cycleId);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const length = text.trim().length;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (length < MIN_TEXT) return setProblem(t('awards.form.tooShort', { min: MIN_TEXT }));
    if (length > MAX_TEXT) return setProblem(t('awards.form.tooLong', { max: MAX_TEXT }));
    setProblem(null);
    lodge.mutate({ awardId: award.id, text: text.trim() }, { onSuccess: onDone });
  };
  const shown = problem ?? (lodge.isError ? refusal(t, lodge.error) : null);

  return (
    <form className="m-form m-in-objection-form" onSubmit={onSubmit} noValidate>
      <label className="m-field">
        <span>{t('awards.form.label')}</span>
        <textarea
          className="m-textarea m-in-textarea"
          rows={4}
          value={text}
          placeholder={t('awards.form.placeholder')}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={problem ? true : undefined}
        />
      </label>
      <p className="m-muted m-small m-in-hint">
        <span>{t('awards.form.hint')}</span>
        <span className={length > MAX_TEXT ? 'm-over' : undefined}>
          {length}/{MAX_TEXT}
        </span>
      </p>
      {shown && (
        <p className="m-alert" role="alert">
          {shown}
        </p>
      )}
      <button type="submit" className="m-button m-button-primary m-button-block" disabled={lodge.isPending}>
        {lodge.isPending ? t('awards.form.submitting') : t('awards.form.submit')}
      </button>
    </form>
  );
}

function AwardCard({ view, award }: { view: TAwardsView; award: TAward }) {
  const { t, i18n } = useTranslation('innovation-notices');
  const lang = i18n.language;
  const [formOpen, setFormOpen] = useState(false);
  const [lodged, setLodged] = useState(false);
  return (
    <li className="m-card m-in-item" data-testid={`award-${award.projectCode}`}>
      <div className="m-in-item-head">
        <span className={`m-in-tier m-in-tier-${award.tier}`}>{tierLabel(award.tier, lang)}</span>
        <strong className="m-in-amount">{yuan(award.amountFen, lang)}</strong>
      </div>
      <h3>{award.projectTitle}</h3>
      <p className="m-muted m-small">
        {[award.projectCode, award.unitName, award.leaderName, levelLabel(award.level, lang)]
          .filter(Boolean)
          .join(' · ')}
      </p>

      {award.objections.length > 0 && (
        <div className="m-in-objections">
          <h4>{t('awards.objections', { count: award.objections.length })}</h4>
          <ul>
            {award.objections.map((o) => (
              <li key={o.id} data-testid="objection">
                <p className="m-prewrap">{o.text}</p>
                <p className="m-muted m-small">
                  {t('awards.lodgedOn', { date: momentDay(o.lodgedAt, lang) })}
                  {o.lodgedBy ? ` · ${o.lodgedBy}` : ''}
                </p>
                {o.answer ? (
                  <div className="m-in-answer">
                    <strong>{t('awards.answer')}</strong>
                    <p>{o.answer}</p>
                    {o.answeredAt && (
                      <p className="m-muted m-small">
                        {t('awards.answeredOn', { date: momentDay(o.answeredAt, lang) })}
                      </p>
                    )}
                  </div>
                ) : (
                  <span className="m-in-awaiting">{t('awards.awaiting')}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {lodged && (
        <p className="m-alert m-alert-success" role="status">
          {t('awards.form.success')}
        </p>
      )}
      {view.abilities.object &&
        (formOpen ? (
          <ObjectionForm
            cycleId={view.cycleId}
            award={award}
            onDone={() => {
              setFormOpen(false);
              setLodged(true);
            }}
          />
        ) : (
          <button
            type="button"
            className="m-link-button m-in-object"
            onClick={() => {
              setFormOpen(true);
              setLodged(false);
            }}
          >
            {t('awards.form.open')}
          </button>
        ))}
    </li>
  );
}

/** A cycle's awards: in publicity, with the objections and a form to lodge one; or final. */
export function AwardsPage({ cycleId }: { cycleId: number }) {
  const { t, i18n } = useTranslation('innovation-notices');
  const lang = i18n.language;
  const awards = useAwards(cycleId);
  const view = awards.data;
  return (
    <>
      <BackLink />
      <CycleHeading
        cycleId={cycleId}
        what={view?.stage === 'publicity' ? t('list.awardsPublicity') : t('list.awardsFinal')}
      >
        {view && (
          <>
            {view.stage === 'publicity' && (
              <p
                className={view.abilities.object ? 'm-in-publicity' : 'm-in-publicity m-in-publicity-ended'}
                role="status"
              >
                <span>
                  {view.abilities.object
                    ? t('list.publicityUntil', { date: day(view.publicityEndsOn, lang) })
                    : t('list.publicityEnded', { date: day(view.publicityEndsOn, lang) })}
                </span>
                {view.abilities.object && <span className="m-small">{t('awards.howToObject')}</span>}
              </p>
            )}
            {view.stage === 'final' && <p className="m-muted m-small">{t('awards.final')}</p>}
            <p data-testid="awards-total">
              {t('awards.total', { count: view.awards.length, total: yuan(view.totalFen, lang) })}
            </p>
          </>
        )}
      </CycleHeading>
      {!view ? (
        <QueryState error={awards.error} onRetry={() => void awards.refetch()} />
      ) : view.awards.length === 0 ? (
        <section className="m-card m-empty">
          <h4>{t('awards.empty')}</h4>
        </section>
      ) : (
        <ul className="m-cards" data-testid="awards-list">
          {view.awards.map((a) => (
            <AwardCard key={a.id} view={view} award={a} />
          ))}
        </ul>
      )}
    </>
  );
}
