import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/me';
import { type TConsultation, useAddNote, useNotes, useRequest } from '../api';
import { appointment, dateTime } from '../format';
import { BackLink, PrivacyNote, problemText, QueryState, StateBadge, useIsCoach } from './parts';
import { CancelAction, CoachActions } from './request-actions';

const MAX_NOTE = 4000;

/** The coach's private follow-up notes on a case: nobody else, not even the employee, sees them. */
function Notes({ requestId }: { requestId: number }) {
  const { t, i18n } = useTranslation(['counselling', 'errors']);
  const lang = i18n.language;
  const notes = useNotes(requestId, true);
  const add = useAddNote(requestId);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return setInvalid(t('notes.empty'));
    if (value.length > MAX_NOTE) return setInvalid(t('notes.tooLong', { max: MAX_NOTE }));
    setInvalid(null);
    add.mutate(value, { onSuccess: () => setText('') });
  };
  return (
    <section className="m-card m-cs-notes" data-testid="notes">
      <h3>{t('notes.title')}</h3>
      <PrivacyNote testId="notes-privacy">{t('notes.privacy')}</PrivacyNote>
      {!notes.data ? (
        <QueryState error={notes.error} onRetry={() => void notes.refetch()} />
      ) : notes.data.length === 0 ? (
        <p className="m-muted m-small">{t('notes.none')}</p>
      ) : (
        <ul className="m-cs-note-list">
          {notes.data.map((n) => (
            <li key={n.id} data-testid="note">
              <p className="m-prewrap">{n.text}</p>
              <p className="m-muted m-small">{dateTime(n.createdAt, lang)}</p>
            </li>
          ))}
        </ul>
      )}
      <form className="m-form" onSubmit={onSubmit} noValidate>
        <label className="m-field">
          <span>{t('notes.add')}</span>
          <textarea
            className="m-textarea"
            rows={3}
            value={text}
            placeholder={t('notes.placeholder')}
            onChange={(e) => setText(e.target.value)}
            data-testid="note-text"
          />
        </label>
        {(invalid || add.isError) && (
          <p className="m-alert" role="alert">
            {invalid ?? problemText(t, add.error)}
          </p>
        )}
        <button type="submit" className="m-button m-button-primary" disabled={add.isPending}>
          {add.isPending ? t('form.saving') : t('notes.save')}
        </button>
      </form>
    </section>
  );
}

/** What the request says, for both sides: who, what, when and where, or why not. */
function Facts({ request: r, asCoach }: { request: TConsultation; asCoach: boolean }) {
  const { t, i18n } = useTranslation('counselling');
  const lang = i18n.language;
  return (
    <dl className="m-card m-list m-cs-detail">
      {asCoach ? (
        <>
          <div className="m-row">
            <dt>{t('request.employee')}</dt>
            <dd data-testid="employee-name">{r.employee.name}</dd>
          </div>
          <div className="m-row">
            <dt>{t('request.contact')}</dt>
            <dd>
              {t(`contact.${r.contact}`)}
              {r.employee.phone && (
                <>
                  {' · '}
                  <a href={`tel:${r.employee.phone}`} className="m-cs-inline-link">
                    {r.employee.phone}
                  </a>
                </>
              )}
            </dd>
          </div>
          <div className="m-row">
            <dt>{t('request.coach')}</dt>
            <dd>{r.coach ? r.coach.name : t('request.pool')}</dd>
          </div>
        </>
      ) : (
        <>
          <div className="m-row">
            <dt>{t('request.coach')}</dt>
            <dd>{r.coach ? r.coach.name : t('request.anyCoach')}</dd>
          </div>
          <div className="m-row">
            <dt>{t('request.contact')}</dt>
            <dd>{t(`contact.${r.contact}`)}</dd>
          </div>
        </>
      )}
      <div className="m-row">
        <dt>{t('request.asked')}</dt>
        <dd>{dateTime(r.createdAt, lang)}</dd>
      </div>
      {r.preferredTimes && (
        <div className="m-row">
          <dt>{t('request.preferredTimes')}</dt>
          <dd>{r.preferredTimes}</dd>
        </div>
      )}
      {r.bookedFor && r.state !== 'cancelled' && r.state !== 'declined' && (
        <div className="m-row">
          <dt>{t('request.bookedFor')}</dt>
          <dd data-testid="booked-for">
            <strong>{appointment(r.bookedFor, lang)}</strong>
          </dd>
        </div>
      )}
      {r.place && r.state !== 'cancelled' && r.state !== 'declined' && (
        <div className="m-row">
          <dt>{t('request.place')}</dt>
          <dd data-testid="booked-place">{r.place}</dd>
        </div>
      )}
      {r.reason && (
        <div className="m-row">
          <dt>{t('request.reason')}</dt>
          <dd data-testid="decline-reason">{r.reason}</dd>
        </div>
      )}
    </dl>
  );
}

/** A sentence under the heading saying where the request stands and what comes next. */
function StateLine({ request: r, asCoach }: { request: TConsultation; asCoach: boolean }) {
  const { t } = useTranslation('counselling');
  const key = asCoach
    ? r.state === 'requested' && !r.coach
      ? 'coachPool'
      : `coach.${r.state}`
    : `employee.${r.state}`;
  return <p className="m-muted m-small">{t(`stateLine.${key}`)}</p>;
}

/**
 * /m/counselling/requests/:id — a request as its employee sees it (with cancel), or as a coach
 * sees the case (book, decline, close, and private notes for the assigned coach).
 */
export function RequestPage({ id }: { id: number }) {
  const { t } = useTranslation('counselling');
  const me = useMe().data;
  const isCoach = useIsCoach();
  const request = useRequest(id);
  const r = request.data;
  const asCoach = !!r && !!me && isCoach && r.employee.personId !== me.person.id;
  const assignedToMe = !!r && !!me && r.coach?.personId === me.person.id;
  return (
    <>
      {asCoach || (!r && isCoach) ? (
        <BackLink to="/m/counselling/inbox">{t('nav.inbox')}</BackLink>
      ) : (
        <BackLink to="/m/counselling/requests">{t('nav.mine')}</BackLink>
      )}
      {!r ? (
        <QueryState error={request.error} onRetry={() => void request.refetch()} />
      ) : (
        <>
          <section className="m-card m-heading" data-testid="request-heading">
            <div className="m-cs-request-head">
              <h2>{asCoach ? t('case.title', { id: r.id }) : t('request.title', { id: r.id })}</h2>
              <StateBadge state={r.state} />
            </div>
            <StateLine request={r} asCoach={asCoach} />
          </section>
          {r.message && (
            <section className="m-card">
              <h3 className="m-cs-subtitle">{t('request.message')}</h3>
              <p className="m-prewrap" data-testid="request-message">
                {r.message}
              </p>
            </section>
          )}
          <Facts request={r} asCoach={asCoach} />
          {asCoach ? (
            <>
              <CoachActions request={r} />
              {assignedToMe && <Notes requestId={r.id} />}
            </>
          ) : (
            <>
              {r.abilities.cancel && <CancelAction request={r} />}
              <PrivacyNote>{t('request.privacy')}</PrivacyNote>
            </>
          )}
        </>
      )}
    </>
  );
}
