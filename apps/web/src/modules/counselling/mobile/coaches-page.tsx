import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { photoUrl, type TCoachProfile, type TConsultation, useAskForConsultation, useCoaches } from '../api';
import { coachKindLabel } from '../format';
import { Availability } from './availability-view';
import { CounsellingNav, Empty, PrivacyNote, problemText, QueryState } from './parts';

const MAX_MESSAGE = 1000;
const MAX_TIMES = 200;

/** A coach's photo, or the first character of the name on a coloured disc. */
export function CoachPhoto({ coach, size = 64 }: { coach: TCoachProfile; size?: number }) {
  const [failed, setFailed] = useState(false);
  if (coach.hasPhoto && !failed)
    return (
      <img
        className="m-cs-photo"
        src={photoUrl(coach.personId, coach.version)}
        alt=""
        width={size}
        height={size}
        onError={() => setFailed(true)}
      />
    );
  return (
    <span className="m-cs-photo m-cs-photo-initial" style={{ width: size, height: size }} aria-hidden="true">
      {coach.name.slice(0, 1)}
    </span>
  );
}

/** What a sent request says: sent, to whom, and where to follow it. */
function Sent({ request }: { request: TConsultation }) {
  const { t } = useTranslation('counselling');
  return (
    <div className="m-alert m-alert-success m-cs-sent" role="status" data-testid="request-sent">
      <p>{request.coach ? t('ask.sentTo', { name: request.coach.name }) : t('ask.sentTeam')}</p>
      <Link to={`/m/counselling/requests/${request.id}`} className="m-cs-inline-link">
        {t('ask.follow')}
      </Link>
    </div>
  );
}

/** The optional details of a request to one coach: a message, times that suit, how to reach me. */
function AskForm({ coach, onCancel }: { coach: TCoachProfile; onCancel: () => void }) {
  const { t } = useTranslation(['counselling', 'errors']);
  const ask = useAskForConsultation();
  const [message, setMessage] = useState('');
  const [preferredTimes, setPreferredTimes] = useState('');
  const [contact, setContact] = useState<'in_app' | 'phone'>('in_app');
  const tooLong = message.trim().length > MAX_MESSAGE || preferredTimes.trim().length > MAX_TIMES;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (tooLong) return;
    ask.mutate({
      coachPersonId: coach.personId,
      message: message.trim(),
      preferredTimes: preferredTimes.trim(),
      contact,
    });
  };

  if (ask.data) return <Sent request={ask.data} />;
  return (
    <form className="m-form m-cs-ask-form" onSubmit={onSubmit} noValidate data-testid="ask-form">
      <label className="m-field">
        <span>{t('ask.message')}</span>
        <textarea
          className="m-textarea"
          rows={3}
          value={message}
          maxLength={MAX_MESSAGE + 100}
          placeholder={t('ask.messagePlaceholder')}
          onChange={(e) => setMessage(e.target.value)}
        />
      </label>
      <label className="m-field">
        <span>{t('ask.preferredTimes')}</span>
        <input
          value={preferredTimes}
          maxLength={MAX_TIMES + 20}
          placeholder={t('ask.preferredTimesPlaceholder')}
          onChange={(e) => setPreferredTimes(e.target.value)}
        />
      </label>
      <fieldset className="m-cs-fieldset">
        <legend className="m-cs-legend">{t('ask.contact')}</legend>
        <div className="m-segmented">
          {(['in_app', 'phone'] as const).map((c) => (
            <label key={c} className={contact === c ? 'm-segmented-on' : undefined}>
              <input
                type="radio"
                name={`contact-${coach.personId}`}
                value={c}
                checked={contact === c}
                onChange={() => setContact(c)}
              />
              {t(`contact.${c}`)}
            </label>
          ))}
        </div>
        {contact === 'phone' && <p className="m-muted m-small">{t('ask.phoneHint')}</p>}
      </fieldset>
      {tooLong && (
        <p className="m-alert" role="alert">
          {t('ask.tooLong', { message: MAX_MESSAGE, times: MAX_TIMES })}
        </p>
      )}
      {ask.isError && (
        <p className="m-alert" role="alert">
          {problemText(t, ask.error)}
        </p>
      )}
      <div className="m-buttons">
        <button type="submit" className="m-button m-button-primary" disabled={ask.isPending}>
          {ask.isPending ? t('ask.sending') : t('ask.send')}
        </button>
        <button type="button" className="m-button m-button-danger" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

function CoachCard({ coach }: { coach: TCoachProfile }) {
  const { t, i18n } = useTranslation('counselling');
  const lang = i18n.language;
  const [asking, setAsking] = useState(false);
  return (
    <li className="m-card m-cs-coach" data-testid={`coach-${coach.personId}`}>
      <div className="m-cs-coach-head">
        <CoachPhoto coach={coach} />
        <div className="m-cs-coach-who">
          <h3>{coach.name}</h3>
          <span className={`m-cs-kind m-cs-kind-${coach.kind}`}>{coachKindLabel(coach.kind, lang)}</span>
          <span className="m-muted m-small">{coach.unitName}</span>
        </div>
      </div>
      {coach.bio && <p className="m-cs-bio">{coach.bio}</p>}
      <dl className="m-cs-facts">
        {coach.specialities.length > 0 && (
          <div>
            <dt>{t('coach.specialities')}</dt>
            <dd className="m-cs-tags">
              {coach.specialities.map((s) => (
                <span key={s} className="m-tag">
                  {s}
                </span>
              ))}
            </dd>
          </div>
        )}
        {coach.languages.length > 0 && (
          <div>
            <dt>{t('coach.languages')}</dt>
            <dd>{coach.languages.join(t('listSeparator'))}</dd>
          </div>
        )}
        <div>
          <dt>{t('coach.availability')}</dt>
          <dd>
            <Availability slots={coach.availability} />
          </dd>
        </div>
      </dl>
      {asking ? (
        <AskForm coach={coach} onCancel={() => setAsking(false)} />
      ) : (
        <button
          type="button"
          className="m-button m-button-danger m-button-block"
          onClick={() => setAsking(true)}
          data-testid="ask-coach"
        >
          {t('ask.thisCoach', { name: coach.name })}
        </button>
      )}
    </li>
  );
}

/** The one-click request to the whole team, with what happens to it and who sees it. */
function OneClick() {
  const { t } = useTranslation(['counselling', 'errors']);
  const ask = useAskForConsultation();
  return (
    <section className="m-card m-hero">
      <h2>{t('hero.title')}</h2>
      <p>{t('hero.body')}</p>
      {ask.data ? (
        <Sent request={ask.data} />
      ) : (
        <button
          type="button"
          className="m-button m-button-primary m-button-block m-big"
          disabled={ask.isPending}
          onClick={() => ask.mutate({})}
          data-testid="one-click"
        >
          {ask.isPending ? t('ask.sending') : t('hero.button')}
        </button>
      )}
      {ask.isError && (
        <p className="m-alert" role="alert">
          {problemText(t, ask.error)}
        </p>
      )}
      <PrivacyNote testId="privacy">{t('hero.privacy')}</PrivacyNote>
    </section>
  );
}

/** /m/counselling: the one-click request and the team of coaches, each of whom may be asked. */
export function CoachesPage() {
  const { t } = useTranslation('counselling');
  const coaches = useCoaches();
  return (
    <>
      <CounsellingNav />
      <OneClick />
      <h3 className="m-section-title">{t('team.title')}</h3>
      {!coaches.data ? (
        <QueryState error={coaches.error} onRetry={() => void coaches.refetch()} />
      ) : coaches.data.length === 0 ? (
        <Empty title={t('team.emptyTitle')} body={t('team.emptyBody')} testId="coaches-empty" />
      ) : (
        <ul className="m-cards" data-testid="coaches">
          {coaches.data.map((c) => (
            <CoachCard key={c.personId} coach={c} />
          ))}
        </ul>
      )}
    </>
  );
}
