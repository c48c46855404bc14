import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { type THotlineSimilar, useCategories, useMeToo, useSimilar } from '../api';
import { categoryLabel, dateOnly } from '../format';
import { problemText, StateBadge } from './parts';

/** A value that follows `value` once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

type Said = { count: number; already: boolean };

/** One similar open item, with "me too" (once per person). */
function SimilarRow({
  item,
  said,
  onSaid,
}: {
  item: THotlineSimilar;
  said?: Said;
  onSaid: (s: Said) => void;
}) {
  const { t, i18n } = useTranslation(['hotline', 'errors']);
  const lang = i18n.language;
  const categories = useCategories().data;
  const meToo = useMeToo();
  const onClick = () =>
    meToo.mutate(item.id, {
      onSuccess: (r) => onSaid({ count: r.meToo, already: false }),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'conflict')
          onSaid({ count: item.meToo, already: true });
      },
    });
  return (
    <li className="m-hl-similar-row" data-testid={`similar-${item.id}`}>
      <div className="m-hl-similar-text">
        <strong>{item.title}</strong>
        <span className="m-muted m-small">
          {categoryLabel(item.category, categories, lang)} · {dateOnly(item.createdAt, lang)}
        </span>
        <span className="m-hl-similar-meta">
          <StateBadge state={item.state} />
          {(said?.count ?? item.meToo) > 0 && (
            <span className="m-small m-muted" data-testid="similar-count">
              {t('similar.count', { count: said?.count ?? item.meToo })}
            </span>
          )}
        </span>
        {said && (
          <span className="m-small m-hl-ok" role="status" data-testid="me-too-done">
            {said.already ? t('similar.already') : t('similar.done')}
          </span>
        )}
        {meToo.isError && !(meToo.error instanceof ApiError && meToo.error.code === 'conflict') && (
          <span className="m-alert" role="alert">
            {problemText(t, meToo.error)}
          </span>
        )}
      </div>
      {!said && (
        <button
          type="button"
          className="m-button m-button-danger m-hl-me-too"
          disabled={meToo.isPending}
          onClick={onClick}
          data-testid="me-too"
        >
          {t('similar.meToo')}
        </button>
      )}
    </li>
  );
}

/**
 * While the title is typed: open items of the same unit that sound alike. Saying "me too" adds
 * one's voice to an item instead of filing another.
 */
export function SimilarItems({ unitId, title }: { unitId: number | null; title: string }) {
  const { t } = useTranslation('hotline');
  const q = useDebounced(title.trim(), 400);
  const similar = useSimilar(unitId, q);
  const [said, setSaid] = useState<Record<number, Said>>({});
  const items = q.length >= 2 && unitId !== null ? (similar.data ?? []) : [];
  if (items.length === 0) return null;
  return (
    <section className="m-hl-similar" aria-live="polite" data-testid="similar">
      <h4>{t('similar.title')}</h4>
      <p className="m-small m-muted">{t('similar.body')}</p>
      <ul className="m-cards">
        {items.slice(0, 5).map((item) => (
          <SimilarRow
            key={item.id}
            item={item}
            said={said[item.id]}
            onSaid={(s) => setSaid((prev) => ({ ...prev, [item.id]: s }))}
          />
        ))}
      </ul>
    </section>
  );
}
