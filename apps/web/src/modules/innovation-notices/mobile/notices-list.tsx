import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkRow } from '../../../mobile/components/link-row';
import { ChevronRightIcon, EmptyTrayIcon } from '../../../mobile/icons';
import { type TCycleNotice, useNotices } from '../api';
import { day, momentDay } from '../format';
import { QueryState, shanghaiToday } from './parts';

function CycleCard({ n }: { n: TCycleNotice }) {
  const { t, i18n } = useTranslation('innovation-notices');
  const lang = i18n.language;
  const base = `/m/innovation/cycles/${n.cycleId}`;
  const inPublicity = n.awardStage === 'publicity';
  const open = inPublicity && !!n.publicityEndsOn && shanghaiToday() <= n.publicityEndsOn;
  return (
    <section className="m-card m-in-cycle" data-testid={`cycle-${n.number}`}>
      <div className="m-in-cycle-head">
        <h2>{t('list.cycleTitle', { name: n.name })}</h2>
        <p className="m-muted m-small">{n.ownerUnitName}</p>
      </div>
      {inPublicity && (
        <Link
          to={`${base}/awards`}
          className={open ? 'm-in-publicity' : 'm-in-publicity m-in-publicity-ended'}
          data-testid="notice-awards"
        >
          <span className="m-row-text">
            <strong>{t('list.awardsPublicity')}</strong>
            <span>
              {open
                ? t('list.publicityUntil', { date: day(n.publicityEndsOn, lang) })
                : t('list.publicityEnded', { date: day(n.publicityEndsOn, lang) })}
            </span>
            {open && <span className="m-small">{t('list.objectionsWelcome')}</span>}
          </span>
          <ChevronRightIcon size={20} />
        </Link>
      )}
      <div className="m-list m-in-rows">
        {n.approvedListPublishedAt && (
          <LinkRow
            to={`${base}/approved`}
            title={t('list.approved')}
            sub={t('list.publishedOn', { date: momentDay(n.approvedListPublishedAt, lang) })}
            testId="notice-approved"
          />
        )}
        {n.awardStage === 'final' && (
          <LinkRow to={`${base}/awards`} title={t('list.awardsFinal')} testId="notice-awards" />
        )}
        {n.conferenceOn && (
          <LinkRow
            to={`${base}/conference`}
            title={t('list.conference')}
            sub={[n.conferenceName, day(n.conferenceOn, lang)].filter(Boolean).join(' · ')}
            testId="notice-conference"
          />
        )}
      </div>
    </section>
  );
}

/** Per cycle what it made public, newest first; an honest empty state when nothing is. */
export function NoticesList() {
  const { t } = useTranslation('innovation-notices');
  const notices = useNotices();
  if (!notices.data) return <QueryState error={notices.error} onRetry={() => void notices.refetch()} />;
  if (notices.data.length === 0)
    return (
      <section className="m-card m-empty" data-testid="notices-empty">
        <EmptyTrayIcon size={56} />
        <h4>{t('list.emptyTitle')}</h4>
        <p className="m-muted">{t('list.emptyBody')}</p>
      </section>
    );
  return (
    <>
      <p className="m-muted m-small m-pad">{t('list.intro')}</p>
      {notices.data.map((n) => (
        <CycleCard key={n.cycleId} n={n} />
      ))}
    </>
  );
}
