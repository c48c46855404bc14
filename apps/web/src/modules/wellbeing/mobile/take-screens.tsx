import { useTranslation } from 'react-i18next';
import type { TInstrumentDefinition } from '../api';
import type { TDraft } from '../draft';
import { momentDateTime, pick } from '../format';

/** Offers to carry on with a saved draft or to start over. */
export function ResumePrompt({
  draft,
  total,
  onContinue,
  onRestart,
}: {
  draft: TDraft;
  total: number;
  onContinue: () => void;
  onRestart: () => void;
}) {
  const { t, i18n } = useTranslation('wellbeing');
  const answered = draft.answers.filter((a) => a !== null).length;
  return (
    <section className="m-card m-wb-stack" data-testid="resume-prompt">
      <h2>{t('take.resumeTitle')}</h2>
      <p className="m-muted">
        {t('take.resumeBody', { answered, total, when: momentDateTime(draft.savedAt, i18n.language) })}
      </p>
      <button type="button" className="m-button m-button-primary m-button-block" onClick={onContinue}>
        {t('take.resumeContinue')}
      </button>
      <button type="button" className="m-button m-wb-secondary m-button-block" onClick={onRestart}>
        {t('take.resumeRestart')}
      </button>
    </section>
  );
}

/** One item on its own screen: the progress, the question, the options, back and next. */
export function ItemScreen({
  def,
  index,
  answers,
  hint,
  onAnswer,
  onBack,
  onNext,
}: {
  def: TInstrumentDefinition;
  index: number;
  answers: (number | null)[];
  /** Where the answers wait until the end (on this phone, or in this page only). */
  hint: string;
  onAnswer: (value: number) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t, i18n } = useTranslation('wellbeing');
  const lang = i18n.language;
  const n = def.items.length;
  const item = def.items[index];
  const current = answers[index];
  const answeredCount = answers.filter((a) => a !== null).length;
  return (
    <section className="m-card m-wb-take" data-testid="take-item">
      <div className="m-wb-progress-head m-small">
        <span data-testid="progress">{t('take.progress', { n: index + 1, total: n })}</span>
        <span className="m-muted">{pick(def.name, lang)}</span>
      </div>
      <div
        className="m-wb-progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={n}
        aria-valuenow={answeredCount}
        aria-label={t('take.answered', { answered: answeredCount, total: n })}
      >
        <span style={{ width: `${(answeredCount / n) * 100}%` }} />
      </div>
      <h2 className="m-wb-item" id="wb-item">
        {pick(item.text, lang)}
      </h2>
      <fieldset className="m-wb-options" aria-labelledby="wb-item">
        {def.options.map((o) => (
          <button
            key={o.value}
            type="button"
            className={current === o.value ? 'm-wb-option m-wb-option-on' : 'm-wb-option'}
            aria-pressed={current === o.value}
            onClick={() => onAnswer(o.value)}
          >
            {pick(o.label, lang)}
          </button>
        ))}
      </fieldset>
      <div className="m-wb-nav">
        <button type="button" className="m-link-button" onClick={onBack} data-testid="take-back">
          {t('take.back')}
        </button>
        {current !== null && (
          <button type="button" className="m-link-button" onClick={onNext}>
            {t('take.next')}
          </button>
        )}
      </div>
      <p className="m-muted m-small">{hint}</p>
    </section>
  );
}
