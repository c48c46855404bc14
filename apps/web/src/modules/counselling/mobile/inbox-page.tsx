import { CONSULTATION_STATES } from '@lifeline/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ChevronRightIcon } from '../../../mobile/icons';
import { type TConsultation, type TConsultationState, useInbox } from '../api';
import { appointment, dateTime } from '../format';
import { CounsellingNav, Empty, PrivacyNote, QueryState, StateBadge } from './parts';

function isState(value: string | null): value is TConsultationState {
  return !!value && (CONSULTATION_STATES as readonly string[]).includes(value);
}

/** One case in the inbox: who asked, when, what they said first, and the booking if any. */
function CaseRow({ request: r }: { request: TConsultation }) {
  const { t, i18n } = useTranslation('counselling');
  const lang = i18n.language;
  return (
    <li>
      <Link to={`/m/counselling/requests/${r.id}`} className="m-cs-case" data-testid={`case-${r.id}`}>
        <span className="m-cs-case-text">
          <span className="m-cs-request-head">
            <strong>{r.employee.name}</strong>
            <StateBadge state={r.state} />
          </span>
          {r.message && <span className="m-cs-request-message">{r.message}</span>}
          <span className="m-muted m-small">
            {r.state === 'booked' && r.bookedFor
              ? t('inbox.bookedFor', { when: appointment(r.bookedFor, lang), place: r.place })
              : t('request.askedOn', { date: dateTime(r.createdAt, lang) })}
          </span>
          {r.contact === 'phone' && <span className="m-tag m-cs-phone-tag">{t('contact.phone')}</span>}
        </span>
        <ChevronRightIcon size={20} />
      </Link>
    </li>
  );
}

/**
 * /m/counselling/inbox — a coach's cases (assigned to me) and, apart, the team pool: open
 * requests that named no coach, which any coach may take by booking a time.
 */
export function InboxPage() {
  const { t } = useTranslation('counselling');
  const [params, setParams] = useSearchParams();
  const raw = params.get('state');
  const state: TConsultationState | '' = isState(raw) ? raw : '';
  const inbox = useInbox(state);
  const all = inbox.data ?? [];
  const pool = all.filter((r) => !r.coach && r.state === 'requested');
  const mine = all.filter((r) => !pool.includes(r));
  const setState = (s: TConsultationState | '') => setParams(s ? { state: s } : {}, { replace: true });

  return (
    <>
      <CounsellingNav />
      <fieldset className="m-chip-nav m-cs-filter" aria-label={t('inbox.filter')}>
        {(['', ...CONSULTATION_STATES] as const).map((s) => (
          <button
            key={s || 'all'}
            type="button"
            aria-pressed={state === s}
            className={state === s ? 'm-chip m-chip-on' : 'm-chip'}
            onClick={() => setState(s)}
          >
            {s ? t(`states.${s}`) : t('inbox.all')}
          </button>
        ))}
      </fieldset>
      {!inbox.data ? (
        <QueryState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <>
          {(state === '' || state === 'requested') && (
            <>
              <h3 className="m-section-title">{t('inbox.pool', { count: pool.length })}</h3>
              {pool.length === 0 ? (
                <p className="m-muted m-small m-pad">{t('inbox.poolEmpty')}</p>
              ) : (
                <>
                  <p className="m-muted m-small m-pad">{t('inbox.poolHint')}</p>
                  <ul className="m-card m-cs-case-list m-cs-pool" data-testid="pool">
                    {pool.map((r) => (
                      <CaseRow key={r.id} request={r} />
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
          <h3 className="m-section-title">{t('inbox.mine', { count: mine.length })}</h3>
          {mine.length === 0 ? (
            <Empty title={t('inbox.emptyTitle')} body={t('inbox.emptyBody')} testId="inbox-empty" />
          ) : (
            <ul className="m-card m-cs-case-list" data-testid="my-cases">
              {mine.map((r) => (
                <CaseRow key={r.id} request={r} />
              ))}
            </ul>
          )}
          <PrivacyNote>{t('inbox.privacy')}</PrivacyNote>
        </>
      )}
    </>
  );
}
