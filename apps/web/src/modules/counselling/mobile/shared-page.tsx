import type { TStoredResult } from '@lifeline/shared';
import { useTranslation } from 'react-i18next';
import { type TInstrumentDefinition, type TSharedWithMe, useInstruments, useSharedWithMe } from '../api';
import { bilingual, dateOnly, dateTime } from '../format';
import { CounsellingNav, Empty, PrivacyNote, QueryState } from './parts';

type Definitions = ReadonlyMap<string, TInstrumentDefinition>;

/** A band's label from the instrument's norms; the code itself when the definition lacks it. */
function bandLabel(def: TInstrumentDefinition | undefined, code: string, lang: string): string {
  const band =
    def?.scoring.kind === 'total' ? def.scoring.norms.bands.find((b) => b.code === code) : undefined;
  return band ? bilingual(band.label, lang) : code;
}

function flagLabel(def: TInstrumentDefinition | undefined, code: string, lang: string): string {
  const flag = def?.flags.find((f) => f.code === code);
  return flag ? bilingual(flag.label, lang) : code;
}

function dimensionLabel(def: TInstrumentDefinition | undefined, code: string, lang: string): string {
  const dim =
    def?.scoring.kind === 'profile' ? def.scoring.dimensions.find((d) => d.code === code) : undefined;
  return dim ? `${bilingual(dim.label, lang)} (${code})` : code;
}

/** The answers given, item by item, in the instrument's wording when it is known. */
function Answers({ result, def }: { result: TStoredResult; def: TInstrumentDefinition | undefined }) {
  const { t, i18n } = useTranslation('counselling');
  const lang = i18n.language;
  return (
    <details className="m-cs-answers">
      <summary>{t('shared.answers', { count: result.answers.length })}</summary>
      <ol>
        {result.answers.map((value, i) => {
          const item = def?.items[i];
          const option = def?.options.find((o) => o.value === value);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: answers are a fixed list in item order
            <li key={i}>
              <span>{item ? bilingual(item.text, lang) : t('shared.item', { n: i + 1 })}</span>
              <strong>{option ? `${bilingual(option.label, lang)} (${value})` : value}</strong>
            </li>
          );
        })}
      </ol>
    </details>
  );
}

/** One shared result: the instrument, when, the band and scores, flags, and the answers. */
function ResultCard({ result, defs }: { result: TStoredResult; defs: Definitions }) {
  const { t, i18n } = useTranslation('counselling');
  const lang = i18n.language;
  const def = defs.get(result.instrument);
  const r = result.result;
  return (
    <li className="m-cs-result" data-testid={`result-${result.id}`}>
      <div className="m-cs-request-head">
        <strong>{bilingual(result.name, lang) || result.instrument}</strong>
        <span className="m-muted m-small">{dateTime(result.takenAt, lang)}</span>
      </div>
      {r.kind === 'total' ? (
        <p className="m-cs-score">
          <span className={`m-cs-band m-cs-band-${r.band}`} data-testid="band">
            {bandLabel(def, r.band, lang)}
          </span>
          <span>{t('shared.standard', { score: r.standard })}</span>
          <span className="m-muted m-small">{t('shared.raw', { score: r.raw })}</span>
        </p>
      ) : (
        <div className="m-cs-score">
          <span className="m-cs-band">{t('shared.code', { code: r.code })}</span>
          <ul className="m-cs-dimensions">
            {r.profile.map((p) => (
              <li key={p.dimension} className="m-cs-dimension">
                <span>{dimensionLabel(def, p.dimension, lang)}</span>
                <strong>{p.score}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.flags.length > 0 && (
        <p className="m-alert m-alert-warning m-small" data-testid="flags">
          {t('shared.flags')} {r.flags.map((f) => flagLabel(def, f, lang)).join(t('listSeparator'))}
        </p>
      )}
      <Answers result={result} def={def} />
    </li>
  );
}

function PersonCard({ person, defs }: { person: TSharedWithMe; defs: Definitions }) {
  const { t, i18n } = useTranslation('counselling');
  const lang = i18n.language;
  const history = person.shares.find((s) => s.scope === 'history');
  return (
    <li className="m-card m-cs-person" data-testid={`shared-${person.owner.personId}`}>
      <h3>{person.owner.name}</h3>
      <p className="m-muted m-small">
        {history
          ? t('shared.history', { date: dateOnly(history.createdAt, lang) })
          : t('shared.some', { count: person.shares.length })}
      </p>
      {person.results.length === 0 ? (
        <p className="m-muted m-small">{t('shared.noResults')}</p>
      ) : (
        <ul className="m-cs-results">
          {person.results.map((r) => (
            <ResultCard key={r.id} result={r} defs={defs} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** /m/counselling/shared — the results people chose to share with me as their coach. */
export function SharedPage() {
  const { t } = useTranslation('counselling');
  const shared = useSharedWithMe();
  // Band labels and item wording; without them the codes and numbers are still shown.
  const instruments = useInstruments();
  const defs: Definitions = new Map((instruments.data ?? []).map((d) => [d.code, d]));
  return (
    <>
      <CounsellingNav />
      <PrivacyNote testId="shared-privacy">{t('shared.privacy')}</PrivacyNote>
      {!shared.data ? (
        <QueryState error={shared.error} onRetry={() => void shared.refetch()} />
      ) : shared.data.length === 0 ? (
        <Empty title={t('shared.emptyTitle')} body={t('shared.emptyBody')} testId="shared-empty" />
      ) : (
        <ul className="m-cards" data-testid="shared">
          {shared.data.map((p) => (
            <PersonCard key={p.owner.personId} person={p} defs={defs} />
          ))}
        </ul>
      )}
    </>
  );
}
