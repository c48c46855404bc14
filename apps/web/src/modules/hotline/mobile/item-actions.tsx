import type { THotlineAction } from '@lifeline/shared';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons, TextAreaField } from '../../../mobile/components/form-fields';
import { type THotlineMine, type TItemAction, type TItemSource, useItemAction, useReloadItem } from '../api';
import { dateTime } from '../format';
import { isStale, Problem, problemText } from './parts';

const MAX_TEXT = 4000;

type Props = {
  source: TItemSource;
  item: THotlineMine;
  /** Says on the page that the item changed meanwhile (null: nothing to say). */
  onChanged: (notice: string | null) => void;
};
const MAX_COMMENT = 500;

/**
 * Runs a reporter's action; on a 409 (or a move no longer allowed) the item is asked again and
 * the reporter is told it changed, so they act on what it is now.
 */
function useAct(source: TItemSource, onChanged: (notice: string | null) => void) {
  const { t } = useTranslation(['hotline', 'errors']);
  const mutation = useItemAction(source);
  const reload = useReloadItem(source);
  const [problem, setProblem] = useState<string | null>(null);
  const run = (action: TItemAction, onDone?: () => void) => {
    setProblem(null);
    onChanged(null);
    mutation.mutate(action, {
      onSuccess: () => onDone?.(),
      onError: (error) => {
        // The form may vanish with the reload (the action is gone), so the page says it.
        if (isStale(error)) {
          onChanged(problemText(t, error));
          void reload();
        } else setProblem(problemText(t, error));
      },
    });
  };
  return { run, pending: mutation.isPending, problem };
}

/** An action's form on a card: its title, what it does, its fields. */
function ActionCard({
  title,
  body,
  onSubmit,
  testId,
  children,
}: {
  title: string;
  body?: string;
  onSubmit: (event: FormEvent) => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <form className="m-card m-form m-hl-action" onSubmit={onSubmit} noValidate data-testid={testId}>
      <h3 className="m-hl-subtitle">{title}</h3>
      {body && <p className="m-muted m-small">{body}</p>}
      {children}
    </form>
  );
}

/** The unit asked for more: the reporter answers, and the clock runs again. */
function AddInfoForm({ source, item, onChanged }: Props) {
  const { t } = useTranslation('hotline');
  const { run, pending, problem } = useAct(source, onChanged);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return setInvalid(t('addInfo.empty'));
    if (value.length > MAX_TEXT) return setInvalid(t('addInfo.tooLong', { max: MAX_TEXT }));
    setInvalid(null);
    run({ action: 'add-info', text: value, version: item.version }, () => {
      setText('');
      setSent(true);
    });
  };
  return (
    <ActionCard
      title={t('addInfo.title')}
      body={t('addInfo.body')}
      onSubmit={onSubmit}
      testId="add-info-form"
    >
      <TextAreaField
        label={t('addInfo.label')}
        rows={4}
        value={text}
        onChange={setText}
        testId="add-info-text"
      />
      {sent && (
        <p className="m-alert m-alert-success" role="status">
          {t('addInfo.sent')}
        </p>
      )}
      <Problem text={invalid ?? problem} />
      <button
        type="submit"
        className="m-button m-button-primary"
        disabled={pending}
        data-testid="add-info-send"
      >
        {pending ? t('form.sending') : t('addInfo.send')}
      </button>
    </ActionCard>
  );
}

/** Five stars as radio buttons: big enough for a thumb, readable by a screen reader. */
function Stars({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  const { t } = useTranslation('hotline');
  return (
    <fieldset className="m-hl-stars" data-testid="stars">
      <legend>{t('rate.stars')}</legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className={n <= value ? 'm-hl-star m-hl-star-on' : 'm-hl-star'}>
          <input
            type="radio"
            name="rating"
            value={n}
            checked={value === n}
            onChange={() => onChange(n)}
            aria-label={t('rate.starLabel', { count: n })}
            data-testid={`star-${n}`}
          />
          <span aria-hidden="true">★</span>
        </label>
      ))}
      {value > 0 && <span className="m-small m-muted m-hl-star-word">{t(`rate.word.${value}`)}</span>}
    </fieldset>
  );
}

/** The reporter confirms the answer with 1–5 stars, a comment and the board choice. */
function RateForm({ source, item, onChanged }: Props) {
  const { t } = useTranslation('hotline');
  const { run, pending, problem } = useAct(source, onChanged);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [publish, setPublish] = useState(item.publishConsent);
  const [invalid, setInvalid] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (rating < 1) return setInvalid(t('rate.needStars'));
    if (comment.trim().length > MAX_COMMENT) return setInvalid(t('rate.tooLong', { max: MAX_COMMENT }));
    setInvalid(null);
    run({
      action: 'rate',
      rating,
      comment: comment.trim(),
      publishConsent: publish,
      version: item.version,
    });
  };
  return (
    <ActionCard title={t('rate.title')} onSubmit={onSubmit} testId="rate-form">
      <Stars
        value={rating}
        onChange={(n) => {
          setRating(n);
          setInvalid(null);
        }}
      />
      <TextAreaField
        label={t('rate.comment')}
        value={comment}
        placeholder={t('rate.commentPlaceholder')}
        onChange={setComment}
        testId="rate-comment"
      />
      <label className="m-hl-check">
        <input
          type="checkbox"
          checked={publish}
          onChange={(e) => setPublish(e.target.checked)}
          data-testid="rate-publish"
        />
        <span>
          {t('new.publish')}
          <small className="m-muted">{t('new.publishHint')}</small>
        </span>
      </label>
      <Problem text={invalid ?? problem} />
      <button type="submit" className="m-button m-button-primary" disabled={pending} data-testid="rate-send">
        {pending ? t('form.sending') : t('rate.send')}
      </button>
    </ActionCard>
  );
}

/** Not solved: reopen once, within the follow-up days, saying why; it goes to the superior unit. */
function ReopenAction({ source, item, onChanged }: Props) {
  const { t } = useTranslation('hotline');
  const { run, pending, problem } = useAct(source, onChanged);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  if (!open)
    return (
      <button
        type="button"
        className="m-button m-button-danger m-button-block"
        onClick={() => setOpen(true)}
        data-testid="reopen"
      >
        {t('reopen.open')}
      </button>
    );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return setInvalid(t('reopen.empty'));
    if (value.length > MAX_TEXT) return setInvalid(t('addInfo.tooLong', { max: MAX_TEXT }));
    setInvalid(null);
    run({ action: 'reopen', text: value, version: item.version }, () => setOpen(false));
  };
  return (
    <ActionCard title={t('reopen.title')} body={t('reopen.body')} onSubmit={onSubmit} testId="reopen-form">
      <TextAreaField label={t('reopen.reason')} value={text} onChange={setText} testId="reopen-text" />
      <Problem text={invalid ?? problem} />
      <FormButtons
        label={t('reopen.send')}
        pending={pending}
        pendingLabel={t('form.sending')}
        onCancel={() => setOpen(false)}
        cancelLabel={t('form.cancel')}
        testId="reopen-send"
      />
    </ActionCard>
  );
}

/** What the reporter may do now: exactly the abilities the server gives. */
export function ItemActions({ source, item, onChanged }: Props) {
  const { t, i18n } = useTranslation('hotline');
  const can = (a: THotlineAction) => item.abilities[a];
  if (!can('add_info') && !can('rate') && !can('reopen')) return null;
  return (
    <>
      {can('add_info') && <AddInfoForm source={source} item={item} onChanged={onChanged} />}
      {(can('rate') || can('reopen')) && item.followUpUntil && (
        <p className="m-alert m-alert-warning" data-testid="follow-up-until">
          {t('rate.until', { date: dateTime(item.followUpUntil, i18n.language) })}
        </p>
      )}
      {can('rate') && <RateForm source={source} item={item} onChanged={onChanged} />}
      {can('reopen') && <ReopenAction source={source} item={item} onChanged={onChanged} />}
    </>
  );
}
