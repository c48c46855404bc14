import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../api/api-error';
import {
  type TConsentStatus,
  type TInstrumentDefinition,
  type TScoreResult,
  type TWellbeingSettings,
  useSelfCheck,
  useStoreResult,
} from '../api';
import type { TDraftStore } from '../draft';
import { needsCare, pick, type TAudience } from '../format';
import { SELF_CHECK_PATH } from '../paths';
import { ConsentChoice } from './consent-choice';
import { BackLink, ErrorNote } from './parts';
import { ResultView } from './result-view';
import { ItemScreen, ResumePrompt } from './take-screens';

type Mode = 'store' | 'check';
type Phase = 'resume' | 'choose' | 'intro' | 'items' | 'finish' | 'result';

/** How long the chosen option stays lit before the next item shows. */
const ADVANCE_MS = 180;

/** Storing was refused because my consent is gone (withdrawn on another device, or a new wording). */
function consentMissing(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'consent_required';
}

/** The back link of the flow: to the member's module, or to the public list of scales. */
function Back({ audience }: { audience: TAudience }) {
  const { t } = useTranslation('wellbeing');
  return audience === 'public' ? <BackLink to={SELF_CHECK_PATH} label={t('public.back')} /> : <BackLink />;
}

/** A scale asked for by its code that is not (or no longer) on offer. */
export function UnknownInstrument({ audience = 'member' }: { audience?: TAudience }) {
  const { t } = useTranslation('wellbeing');
  return (
    <>
      <Back audience={audience} />
      <section className="m-card m-empty" data-testid="not-found">
        <h4>{t('take.unknownTitle')}</h4>
        <p className="m-muted">{t('take.unknownBody')}</p>
      </section>
    </>
  );
}

/**
 * Taking one scale: consent or self-check, instructions, one item per screen, the result. A
 * member may keep the result and resume a draft; the public self-check only scores
 * (`audience="public"`, with `NO_DRAFTS`), so nothing but the answers for scoring leaves the page.
 */
export function TakeFlow({
  def,
  consent,
  settings,
  drafts,
  audience = 'member',
}: {
  def: TInstrumentDefinition;
  consent: TConsentStatus | undefined;
  settings: TWellbeingSettings;
  drafts: TDraftStore;
  audience?: TAudience;
}) {
  const { t, i18n } = useTranslation('wellbeing');
  const lang = i18n.language;
  const navigate = useNavigate();
  const n = def.items.length;
  const isPublic = audience === 'public';
  const granted = !isPublic && !!consent?.granted;
  const firstMode: Mode | null = isPublic ? 'check' : granted ? 'store' : null;
  const [draft] = useState(() => drafts.load(def.code, def.version, n));
  const [answers, setAnswers] = useState<(number | null)[]>(() => Array(n).fill(null));
  const [index, setIndex] = useState(0);
  const [mode, setMode] = useState<Mode | null>(firstMode);
  const [phase, setPhase] = useState<Phase>(draft ? 'resume' : firstMode ? 'intro' : 'choose');
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

  const modeNote = isPublic
    ? t('public.willNotKeep')
    : mode === 'store'
      ? t('take.willKeep')
      : t('take.willNotKeep');

  const choose = (m: Mode) => {
    setMode(m);
    setNotice(null);
    const count = answers.filter((a) => a !== null).length;
    setPhase(count === n ? 'finish' : count > 0 ? 'items' : 'intro');
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
    drafts.clear(def.code);
    setAnswers(Array(n).fill(null));
    setIndex(0);
    setMode(firstMode);
    setPhase(firstMode ? 'intro' : 'choose');
  };

  const answer = (value: number) => {
    if (timer.current) return;
    const next = answers.slice();
    next[index] = value;
    setAnswers(next);
    const nextIndex = index + 1;
    drafts.save(def.code, {
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

  const forward = () => {
    if (index + 1 >= n) setPhase(answers.includes(null) ? 'items' : 'finish');
    else setIndex(index + 1);
  };

  const submit = () => {
    const body = { instrument: def.code, answers: answers.map((a) => a ?? 0) };
    if (mode === 'store') {
      store.mutate(body, {
        onSuccess: (out) => {
          drafts.clear(def.code);
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
          drafts.clear(def.code);
          setChecked(result);
          setPhase('result');
        },
      });
    }
  };

  if (phase === 'resume' && draft)
    return (
      <>
        <Back audience={audience} />
        <ResumePrompt draft={draft} total={n} onContinue={resume} onRestart={restart} />
      </>
    );

  if (phase === 'choose')
    return (
      <>
        <Back audience={audience} />
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
        <Back audience={audience} />
        <ResultView
          def={def}
          result={checked}
          care={needsCare(checked)}
          settings={settings}
          audience={audience}
        />
        <section className="m-card m-wb-stack" data-testid="not-kept">
          <p className="m-muted m-small">{isPublic ? t('public.notKept') : t('result.notKept')}</p>
          <Link
            to={isPublic ? SELF_CHECK_PATH : '/m/wellbeing'}
            className="m-button m-wb-secondary m-button-block"
          >
            {isPublic ? t('public.backHome') : t('result.backHome')}
          </Link>
        </section>
      </>
    );

  if (phase === 'intro' || (phase === 'resume' && !draft))
    return (
      <>
        <Back audience={audience} />
        <section className="m-card m-wb-stack" data-testid="take-intro">
          <p className="m-muted m-small">{t('take.items', { count: n })}</p>
          <h2>{pick(def.name, lang)}</h2>
          <p>{pick(def.instructions, lang)}</p>
          <p className={mode === 'store' ? 'm-alert m-alert-success' : 'm-alert m-alert-warning'}>
            {modeNote}
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
        <p className="m-muted m-small">{modeNote}</p>
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

  return (
    <ItemScreen
      def={def}
      index={index}
      answers={answers}
      hint={isPublic ? t('public.inPage') : t('take.savedHere')}
      onAnswer={answer}
      onBack={back}
      onNext={forward}
    />
  );
}
