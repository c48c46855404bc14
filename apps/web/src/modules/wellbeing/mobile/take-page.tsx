import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../api/api-error';
import { useMe } from '../../../api/me';
import {
  type TConsentStatus,
  type TInstrumentDefinition,
  type TScoreResult,
  type TWellbeingSettings,
  useConsents,
  useInstruments,
  useSelfCheck,
  useStoreResult,
  useWellbeingSettings,
} from '../api';
import { clearDraft, loadDraft, saveDraft, type TDraft } from '../draft';
import { momentDateTime, needsCare, pick } from '../format';
import { ConsentChoice } from './consent-choice';
import { BackLink, ErrorNote, QueryState } from './parts';
import { ResultView } from './result-view';

type Mode = 'store' | 'check';
type Phase = 'resume' | 'choose' | 'intro' | 'items' | 'finish' | 'result';

/** How long the chosen option stays lit before the next item shows. */
const ADVANCE_MS = 180;

/** Storing was refused because my consent is gone (withdrawn on another device, or a new wording). */
function consentMissing(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'consent_required';
}

function ResumePrompt({
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

function TakeFlow({
  def,
  consent,
  settings,
  personId,
}: {
  def: TInstrumentDefinition;
  consent: TConsentStatus | undefined;
  settings: TWellbeingSettings;
  personId: number;
}) {
  const { t, i18n } = useTranslation('wellbeing');
  const lang = i18n.language;
  const navigate = useNavigate();
  const n = def.items.length;
  const granted = !!consent?.granted;
  const [draft] = useState(() => loadDraft(personId, def.code, def.version, n));
  const [answers, setAnswers] = useState<(number | null)[]>(() => Array(n).fill(null));
  const [index, setIndex] = useState(0);
  const [mode, setMode] = useState<Mode | null>(granted ? 'store' : null);
  const [phase, setPhase] = useState<Phase>(draft ? 'resume' : granted ? 'intro' : 'choose');
  const [notice, setNotice] = useState<string | null>(null);
  const [checked, setChecked] = useState<TScoreResult | null>(null);
  const store = useStoreResult();
  const check = useSelfCheck();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  // Each new screen starts at its top, as a new page would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls on a change of screen only
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [phase, index]);

  const answeredCount = answers.filter((a) => a !== null).length;
  const afterChoice = (list: (number | null)[]) => {
    const count = list.filter((a) => a !== null).length;
    setPhase(count === n ? 'finish' : count > 0 ? 'items' : 'intro');
  };

  const choose = (m: Mode) => {
    setMode(m);
    setNotice(null);
    afterChoice(answers);
  };

  const resume = () => {
    if (!draft) return;
    const m: Mode | null = draft.mode === 'check' ? 'check' : granted ? 'store' : null;
    setAnswers(draft.answers);
    const firstOpen = draft.answers.indexOf(null);
    setIndex(firstOpen === -1 ? draft.index : Math.min(draft.index, firstOpen));
    setMode(m);
    if (!m) setPhase('choose');
    else setPhase(firstOpen === -1 ? 'finish' : 'items');
  };

  const restart = () => {
    clearDraft(personId, def.code);
    setAnswers(Array(n).fill(null));
    setIndex(0);
    setMode(granted ? 'store' : null);
    setPhase(granted ? 'intro' : 'choose');
  };

  const answer = (value: number) => {
    if (timer.current) return;
    const next = answers.slice();
    next[index] = value;
    setAnswers(next);
    const nextIndex = index + 1;
    saveDraft(personId, def.code, {
      version: def.version,
      mode: mode ?? 'store',
      answers: next,
      index: Math.min(nextIndex, n - 1),
    });
    timer.current = setTimeout(() => {
      timer.current = null;
      if (nextIndex < n) setIndex(nextIndex);
      else if (next.includes(null)) setIndex(next.indexOf(null));
      else setPhase('finish');
    }, ADVANCE_MS);
  };

  const back = () => {
    if (timer.current) return;
    if (phase === 'finish') {
      setIndex(n - 1);
      setPhase('items');
    } else if (index > 0) setIndex(index - 1);
    else setPhase('intro');
  };

  const submit = () => {
    const final = answers.map((a) => a ?? 0);
    const body = { instrument: def.code, answers: final };
    if (mode === 'store') {
      store.mutate(body, {
        onSuccess: (out) => {
          clearDraft(personId, def.code);
          navigate(`/m/wellbeing/results/${out.result.id}`, {
            replace: true,
            state: { care: out.care, fresh: true },
          });
        },
        onError: (err) => {
          if (!consentMissing(err)) return;
          setMode(null);
          setNotice(t('take.consentGone'));
          setPhase('choose');
        },
      });
    } else {
      check.mutate(body, {
        onSuccess: (result) => {
          clearDraft(personId, def.code);
          setChecked(result);
          setPhase('result');
        },
      });
    }
  };

  const name = pick(def.name, lang);

  if (phase === 'resume' && draft)
    return (
      <>
        <BackLink />
        <ResumePrompt draft={draft} total={n} onContinue={resume} onRestart={restart} />
      </>
    );

  if (phase === 'choose')
    return (
      <>
        <BackLink />
        <ConsentChoice
          def={def}
          consent={consent}
          retentionDays={settings.retentionDays}
          notice={notice}
          onKeep={() => choose('store')}
          onCheck={() => choose('check')}
        />
      </>
    );

  if (phase === 'result' && checked)
    return (
      <>
        <BackLink />
        <ResultView def={def} result={checked} care={needsCare(checked)} settings={settings} />
        <section className="m-card m-wb-stack" data-testid="not-kept">
          <p className="m-muted m-small">{t('result.notKept')}</p>
          <Link to="/m/wellbeing" className="m-button m-wb-secondary m-button-block">
            {t('result.backHome')}
          </Link>
        </section>
      </>
    );

  if (phase === 'intro' || (phase === 'resume' && !draft))
    return (
      <>
        <BackLink />
        <section className="m-card m-wb-stack" data-testid="take-intro">
          <p className="m-muted m-small">{t('take.items', { count: n })}</p>
          <h2>{name}</h2>
          <p>{pick(def.instructions, lang)}</p>
          <p className={mode === 'store' ? 'm-alert m-alert-success' : 'm-alert m-alert-warning'}>
            {mode === 'store' ? t('take.willKeep') : t('take.willNotKeep')}
          </p>
          <button
            type="button"
            className="m-button m-button-primary m-button-block"
            onClick={() => {
              setIndex(0);
              setPhase('items');
            }}
            data-testid="take-start"
          >
            {t('take.start')}
          </button>
          {granted && (
            <button
              type="button"
              className="m-link-button"
              onClick={() => setMode(mode === 'store' ? 'check' : 'store')}
            >
              {mode === 'store' ? t('take.switchToCheck') : t('take.switchToKeep')}
            </button>
          )}
        </section>
      </>
    );

  if (phase === 'finish') {
    const pending = store.isPending || check.isPending;
    const error = mode === 'store' ? store.error : check.error;
    return (
      <section className="m-card m-wb-stack" data-testid="take-finish">
        <div className="m-wb-progress" aria-hidden="true">
          <span style={{ width: '100%' }} />
        </div>
        <h2>{t('take.finishTitle')}</h2>
        <p className="m-muted">{t('take.finishBody', { count: n })}</p>
        <p className="m-muted m-small">{mode === 'store' ? t('take.willKeep') : t('take.willNotKeep')}</p>
        {error && !consentMissing(error) && <ErrorNote error={error} />}
        <button
          type="button"
          className="m-button m-button-primary m-button-block"
          onClick={submit}
          disabled={pending}
          data-testid="take-submit"
        >
          {pending ? t('take.submitting') : t('take.submit')}
        </button>
        <button type="button" className="m-button m-wb-secondary m-button-block" onClick={back}>
          {t('take.review')}
        </button>
      </section>
    );
  }

  // One item per screen.
  const item = def.items[index];
  const current = answers[index];
  return (
    <section className="m-card m-wb-take" data-testid="take-item">
      <div className="m-wb-progress-head m-small">
        <span data-testid="progress">{t('take.progress', { n: index + 1, total: n })}</span>
        <span className="m-muted">{name}</span>
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
            onClick={() => answer(o.value)}
          >
            {pick(o.label, lang)}
          </button>
        ))}
      </fieldset>
      <div className="m-wb-nav">
        <button type="button" className="m-link-button" onClick={back} data-testid="take-back">
          {t('take.back')}
        </button>
        {current !== null && (
          <button
            type="button"
            className="m-link-button"
            onClick={() => {
              if (index + 1 >= n) setPhase(answers.includes(null) ? 'items' : 'finish');
              else setIndex(index + 1);
            }}
          >
            {t('take.next')}
          </button>
        )}
      </div>
      <p className="m-muted m-small">{t('take.savedHere')}</p>
    </section>
  );
}

/** Taking a scale: consent or self-check, instructions, one item per screen, the result. */
export function TakePage({ code }: { code: string }) {
  const { t } = useTranslation('wellbeing');
  const me = useMe().data;
  const instruments = useInstruments();
  const consents = useConsents();
  const settings = useWellbeingSettings();
  const failed = instruments.error ?? consents.error ?? settings.error;
  if (!instruments.data || !consents.data || !settings.data || !me)
    return (
      <>
        <BackLink />
        <QueryState
          error={failed}
          onRetry={() => {
            void instruments.refetch();
            void consents.refetch();
            void settings.refetch();
          }}
        />
      </>
    );
  const def = instruments.data.find((d) => d.code === code);
  if (!def)
    return (
      <>
        <BackLink />
        <section className="m-card m-empty" data-testid="not-found">
          <h4>{t('take.unknownTitle')}</h4>
          <p className="m-muted">{t('take.unknownBody')}</p>
        </section>
      </>
    );
  return (
    <TakeFlow
      def={def}
      consent={consents.data.find((c) => c.instrument === code)}
      settings={settings.data}
      personId={me.person.id}
    />
  );
}
