import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronRightIcon } from '../../../mobile/icons';
import { type TConsultation, useMyRequests } from '../api';
import { appointment, dateTime } from '../format';
import { CounsellingNav, PrivacyNote, QueryState, StateBadge } from './parts';
import { CancelAction } from './request-actions';

/** One of my requests: its state, who has it, the booking or the reason, and a cancel. */
function RequestCard({ request: r }: { request: TConsultation }) {
  const { t, i18n } = useTranslation('counselling');
  const lang = i18n.language;
  return (
    <li className="m-card m-cs-request" data-testid={`request-${r.id}`}>
      <Link to={`/m/counselling/requests/${r.id}`} className="m-cs-request-link">
        <span className="m-cs-request-head">
          <StateBadge state={r.state} />
          <span className="m-muted m-small">
            {t('request.askedOn', { date: dateTime(r.createdAt, lang) })}
          </span>
        </span>
        <span className="m-cs-request-who">
          {r.coach ? t('request.withCoach', { name: r.coach.name }) : t('request.withTeam')}
        </span>
        {r.message && <span className="m-cs-request-message">{r.message}</span>}
        <ChevronRightIcon size={20} className="m-cs-request-chevron" />
      </Link>
      {r.state === 'booked' && r.bookedFor && (
        <div className="m-cs-booking" data-testid="booking">
          <strong>{appointment(r.bookedFor, lang)}</strong>
          {r.place && <span>{t('request.at', { place: r.place })}</span>}
        </div>
      )}
      {r.state === 'declined' && r.reason && (
        <p className="m-cs-reason" data-testid="decline-reason">
          <strong>{t('request.declinedBecause')}</strong> {r.reason}
        </p>
      )}
      {r.abilities.cancel && <CancelAction request={r} compact />}
    </li>
  );
}

/** /m/counselling/requests: what I asked for, newest first. */
export function MyRequestsPage() {
  const { t } = useTranslation('counselling');
  const requests = useMyRequests();
  return (
    <>
      <CounsellingNav />
      {!requests.data ? (
        <QueryState error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.length === 0 ? (
        <section className="m-card m-empty" data-testid="requests-empty">
          <h4>{t('mine.emptyTitle')}</h4>
          <p className="m-muted">{t('mine.emptyBody')}</p>
          <Link to="/m/counselling" className="m-button m-button-primary">
            {t('mine.goAsk')}
          </Link>
        </section>
      ) : (
        <>
          <PrivacyNote>{t('mine.privacy')}</PrivacyNote>
          <ul className="m-cards" data-testid="my-requests">
            {requests.data.map((r) => (
              <RequestCard key={r.id} request={r} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
