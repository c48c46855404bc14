import { useTranslation } from 'react-i18next';
import { useApprovedList } from '../api';
import { categoryLabel, levelLabel, momentDay, yuan } from '../format';
import { BackLink, CycleHeading, QueryState } from './parts';

/** The published list of a cycle's approved projects (立项名单), with their funding. */
export function ApprovedPage({ cycleId }: { cycleId: number }) {
  const { t, i18n } = useTranslation('innovation-notices');
  const lang = i18n.language;
  const list = useApprovedList(cycleId);
  const lines = list.data?.lines ?? [];
  const byLevel = new Map<string, number>();
  for (const l of lines) byLevel.set(l.level, (byLevel.get(l.level) ?? 0) + 1);
  return (
    <>
      <BackLink />
      <CycleHeading cycleId={cycleId} what={t('approved.title')}>
        {list.data && (
          <>
            {list.data.publishedAt && (
              <p className="m-muted m-small">
                {t('list.publishedOn', { date: momentDay(list.data.publishedAt, lang) })}
              </p>
            )}
            <p data-testid="approved-count">{t('approved.count', { count: lines.length })}</p>
            <p className="m-in-tags">
              {[...byLevel].map(([level, n]) => (
                <span key={level} className="m-tag">
                  {levelLabel(level, lang)} {n}
                </span>
              ))}
            </p>
          </>
        )}
      </CycleHeading>
      {!list.data ? (
        <QueryState error={list.error} onRetry={() => void list.refetch()} />
      ) : lines.length === 0 ? (
        <section className="m-card m-empty">
          <h4>{t('approved.empty')}</h4>
        </section>
      ) : (
        <ul className="m-cards" data-testid="approved-list">
          {lines.map((l) => (
            <li key={l.projectId} className="m-card m-in-item">
              <div className="m-in-item-head">
                <span className="m-muted m-small">{l.code}</span>
                <span className="m-tag">{levelLabel(l.level, lang)}</span>
              </div>
              <h3>{l.title}</h3>
              <dl className="m-in-facts">
                <div>
                  <dt>{t('fields.unit')}</dt>
                  <dd>{l.unitName}</dd>
                </div>
                <div>
                  <dt>{t('fields.leader')}</dt>
                  <dd>{l.leaderName}</dd>
                </div>
                <div>
                  <dt>{t('fields.category')}</dt>
                  <dd>{categoryLabel(l.category, lang)}</dd>
                </div>
                <div>
                  <dt>{t('fields.funding')}</dt>
                  <dd>{yuan(l.fundingFen, lang)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
