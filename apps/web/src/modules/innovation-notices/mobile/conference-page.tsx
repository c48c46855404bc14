import { useTranslation } from 'react-i18next';
import { type TCommendation, useConference } from '../api';
import { day, KIND_ORDER, kindLabel } from '../format';
import { BackLink, CycleHeading, QueryState } from './parts';

/** Who was commended at a cycle's innovation conference, grouped by kind. */
export function ConferencePage({ cycleId }: { cycleId: number }) {
  const { t, i18n } = useTranslation('innovation-notices');
  const lang = i18n.language;
  const conf = useConference(cycleId);
  const groups = new Map<string, TCommendation[]>();
  for (const c of conf.data?.commendations ?? []) groups.set(c.kind, [...(groups.get(c.kind) ?? []), c]);
  const kinds = [...groups.keys()].sort(
    (a, b) => (KIND_ORDER.indexOf(a) + 1 || 99) - (KIND_ORDER.indexOf(b) + 1 || 99),
  );
  return (
    <>
      <BackLink />
      <CycleHeading cycleId={cycleId} what={conf.data?.name ?? t('conference.title')}>
        {conf.data?.heldOn && (
          <p className="m-muted m-small">{t('conference.heldOn', { date: day(conf.data.heldOn, lang) })}</p>
        )}
      </CycleHeading>
      {!conf.data ? (
        <QueryState error={conf.error} onRetry={() => void conf.refetch()} />
      ) : kinds.length === 0 ? (
        <section className="m-card m-empty">
          <h4>{t('conference.empty')}</h4>
        </section>
      ) : (
        kinds.map((kind) => (
          <section key={kind} className="m-in-group" data-testid={`commendations-${kind}`}>
            <h3 className="m-section-title">
              {t('conference.group', { kind: kindLabel(kind, lang), count: groups.get(kind)?.length ?? 0 })}
            </h3>
            <ul className="m-card m-list m-in-commendations">
              {groups.get(kind)?.map((c) => (
                <li key={c.id} className="m-in-commendation">
                  <strong>
                    {c.kind === 'individual' ? (c.personName ?? c.title) : (c.projectTitle ?? c.title)}
                  </strong>
                  <span className="m-muted m-small">
                    {[c.title, c.kind === 'individual' ? c.projectTitle : null, c.unitName]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
