import { offeredConsultationActions } from '@lifeline/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { ConfirmBox, FormButtons, TextAreaField } from '../../../mobile/components/form-fields';
import { Problem } from '../../../mobile/components/problem';
import { type TConsultation, type TRequestAction, useReloadRequest, useRequestAction } from '../api';
import { beijingIso, toBeijingLocal } from '../format';
import { problemText } from './parts';

const MAX_PLACE = 200;
const MAX_REASON = 500;

/**
 * Runs an action of a request; on a 409 the request is asked again and the caller is told that
 * someone else changed it, so they act on what it is now.
 */
function useAct(request: TConsultation) {
  const { t } = useTranslation(['counselling', 'errors']);
  const mutation = useRequestAction(request.id);
  const reload = useReloadRequest(request.id);
  const [problem, setProblem] = useState<string | null>(null);
  const run = (action: TRequestAction, onDone?: () => void) => {
    setProblem(null);
    mutation.mutate(action, {
      onSuccess: () => onDone?.(),
      onError: (error) => {
        setProblem(problemText(t, error));
        if (error instanceof ApiError && (error.code === 'conflict' || error.code === 'invalid_transition'))
          void reload();
      },
    });
  };
  return { run, pending: mutation.isPending, problem };
}

/** The employee withdraws a request (asked once more before it goes). */
export function CancelAction({ request, compact = false }: { request: TConsultation; compact?: boolean }) {
  const { t } = useTranslation('counselling');
  const { run, pending, problem } = useAct(request);
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button
        type="button"
        className={compact ? 'm-link-button m-cs-cancel' : 'm-button m-button-danger m-button-block'}
        onClick={() => setConfirming(true)}
        data-testid="cancel-request"
      >
        {t('actions.cancel')}
      </button>
    );
  return (
    <ConfirmBox
      className="m-cs-confirm"
      question={t('actions.cancelConfirm')}
      problem={problem}
      yesLabel={t('actions.cancelYes')}
      onYes={() => run({ action: 'cancel', version: request.version }, () => setConfirming(false))}
      pending={pending}
      noLabel={t('actions.keep')}
      onNo={() => setConfirming(false)}
      testId="cancel-confirm"
    />
  );
}

/** Today and now in Beijing, as the earliest value of the booking field. */
function beijingNow(): string {
  return toBeijingLocal(new Date().toISOString());
}

/** The coach books (or moves) the meeting: a Beijing date and time, and a place or a link. */
function BookForm({ request, onDone }: { request: TConsultation; onDone: () => void }) {
  const { t } = useTranslation(['counselling', 'errors']);
  const { run, pending, problem } = useAct(request);
  const [when, setWhen] = useState(toBeijingLocal(request.bookedFor));
  const [place, setPlace] = useState(request.place);
  const [invalid, setInvalid] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const startsAt = beijingIso(when);
    if (!startsAt) return setInvalid(t('book.needTime'));
    if (!place.trim()) return setInvalid(t('book.needPlace'));
    if (place.trim().length > MAX_PLACE) return setInvalid(t('book.placeTooLong', { max: MAX_PLACE }));
    setInvalid(null);
    run({ action: 'book', startsAt, place: place.trim(), version: request.version }, onDone);
  };
  return (
    <form className="m-form m-cs-action-form" onSubmit={onSubmit} noValidate data-testid="book-form">
      <label className="m-field">
        <span>{t('book.when')}</span>
        <input
          type="datetime-local"
          value={when}
          min={beijingNow()}
          onChange={(e) => setWhen(e.target.value)}
          data-testid="book-when"
        />
      </label>
      <label className="m-field">
        <span>{t('book.place')}</span>
        <input
          value={place}
          maxLength={MAX_PLACE + 20}
          placeholder={t('book.placePlaceholder')}
          onChange={(e) => setPlace(e.target.value)}
          data-testid="book-place"
        />
      </label>
      <p className="m-muted m-small">{t('book.hint')}</p>
      <Problem text={invalid ?? problem} />
      <FormButtons
        label={t('book.submit')}
        pending={pending}
        pendingLabel={t('form.saving')}
        onCancel={onDone}
        cancelLabel={t('form.cancel')}
      />
    </form>
  );
}

/** The coach declines, saying why (the employee reads the reason). */
function DeclineForm({ request, onDone }: { request: TConsultation; onDone: () => void }) {
  const { t } = useTranslation(['counselling', 'errors']);
  const { run, pending, problem } = useAct(request);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) return setInvalid(t('decline.needReason'));
    if (text.length > MAX_REASON) return setInvalid(t('decline.tooLong', { max: MAX_REASON }));
    setInvalid(null);
    run({ action: 'decline', reason: text, version: request.version }, onDone);
  };
  return (
    <form className="m-form m-cs-action-form" onSubmit={onSubmit} noValidate data-testid="decline-form">
      <TextAreaField
        label={t('decline.reason')}
        value={reason}
        placeholder={t('decline.placeholder')}
        onChange={setReason}
      />
      <p className="m-muted m-small">{t('decline.hint')}</p>
      <Problem text={invalid ?? problem} />
      <FormButtons
        label={t('decline.submit')}
        pending={pending}
        pendingLabel={t('form.saving')}
        onCancel={onDone}
        cancelLabel={t('form.cancel')}
      />
    </form>
  );
}

/** The coach closes a case after the meeting. */
function CloseAction({ request, onDone }: { request: TConsultation; onDone: () => void }) {
  const { t } = useTranslation('counselling');
  const { run, pending, problem } = useAct(request);
  return (
    <ConfirmBox
      className="m-cs-confirm"
      question={t('close.confirm')}
      problem={problem}
      yesLabel={t('close.submit')}
      onYes={() => run({ action: 'close', version: request.version }, onDone)}
      pending={pending}
      noLabel={t('form.cancel')}
      onNo={onDone}
      testId="close-confirm"
    />
  );
}

/** The coach's actions on a case, exactly those the server's abilities allow. */
export function CoachActions({ request }: { request: TConsultation }) {
  const { t } = useTranslation('counselling');
  const [open, setOpen] = useState<'book' | 'decline' | 'close' | null>(null);
  const actions = offeredConsultationActions(request.abilities).filter((a) => a !== 'cancel');
  if (actions.length === 0) return null;
  const done = () => setOpen(null);
  return (
    <section className="m-card m-cs-actions" data-testid="coach-actions">
      {open === 'book' && <BookForm request={request} onDone={done} />}
      {open === 'decline' && <DeclineForm request={request} onDone={done} />}
      {open === 'close' && <CloseAction request={request} onDone={done} />}
      {open === null && (
        <div className="m-buttons">
          {actions.includes('book') && (
            <button
              type="button"
              className="m-button m-button-primary"
              onClick={() => setOpen('book')}
              data-testid="action-book"
            >
              {request.state === 'booked' ? t('actions.rebook') : t('actions.book')}
            </button>
          )}
          {actions.includes('close') && (
            <button
              type="button"
              className="m-button m-button-danger"
              onClick={() => setOpen('close')}
              data-testid="action-close"
            >
              {t('actions.close')}
            </button>
          )}
          {actions.includes('decline') && (
            <button
              type="button"
              className="m-button m-button-danger"
              onClick={() => setOpen('decline')}
              data-testid="action-decline"
            >
              {t('actions.decline')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
