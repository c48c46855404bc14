import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/me';
import { type THotlineBoardItem, useBoard, useCategories } from '../api';
import { categoryLabel, dateOnly } from '../format';
import { Empty, HotlineNav, problemText, QueryState } from './parts';
import { useDebounced } from './similar-items';
import { type TPickedUnit, UnitPicker } from './unit-picker';

/** One answered item: what was asked, about which unit, the public replies, and how fast. */
function BoardCard({ item }: { item: THotlineBoardItem }) {
  const { t, i18n } = useTranslation('hotline');
  const lang = i18n.language;
  const categories = useCategories().data;
  return (
    <li className="m-card m-hl-board-item" data-testid={`board-${item.id}`}>
      <span className="m-hl-item-head">
        <span className="m-tag">{categoryLabel(item.category, categories, lang)}</span>
        <span className="m-small m-muted">{item.unit.name}</span>
      </span>
      <strong className="m-hl-item-title">{item.title}</strong>
      <p className="m-prewrap m-small">{item.description}</p>
      {item.replies.map((r) => (
        <div key={`${r.at}-${r.text.slice(0, 16)}`} className="m-hl-board-reply" data-testid="board-reply">
          <span className="m-small m-muted">
            {t('board.replied', { unit: item.handlingUnit.name, date: dateOnly(r.at, lang) })}
          </span>
          <p className="m-prewrap">{r.text}</p>
        </div>
      ))}
      <span className="m-hl-board-meta m-small m-muted">
        {item.meToo > 0 && <span data-testid="board-me-too">{t('board.meToo', { count: item.meToo })}</span>}
        {item.workingDays !== null && (
          <span data-testid="board-days">
            {item.workingDays === 0 ? t('board.sameDay') : t('board.days', { count: item.workingDays })}
          </span>
        )}
        {item.rating !== null && (
          <span className="m-hl-rating" role="img" aria-label={t('rate.starLabel', { count: item.rating })}>
            {'★'.repeat(item.rating)}
          </span>
        )}
      </span>
    </li>
  );
}

/**
 * /m/hotline/board — the public board: answered items whose reporters agreed, without anyone's
 * name, filtered by category, unit and words, a page at a time.
 */
export function BoardPage() {
  const { t, i18n } = useTranslation(['hotline', 'errors']);
  const lang = i18n.language;
  const me = useMe().data;
  const categories = useCategories();
  const [category, setCategory] = useState('');
  const [unit, setUnit] = useState<TPickedUnit | null>(null);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 400);
  const board = useBoard({ category, unitId: unit?.id ?? null, q });
  const items = board.data?.pages.flatMap((p) => p.items) ?? [];
  const own = me ? { id: me.person.unitId, name: me.person.unitName } : null;
  return (
    <>
      <HotlineNav />
      <section className="m-card m-form m-hl-filters" data-testid="board-filters">
        <p className="m-muted m-small">{t('board.intro')}</p>
        <label className="m-field">
          <span>{t('board.search')}</span>
          <input
            type="search"
            value={text}
            placeholder={t('board.searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            data-testid="board-q"
          />
        </label>
        <label className="m-field">
          <span>{t('new.category')}</span>
          <select value={category} onChange={(e) => setCategory(e.target.value)} data-testid="board-category">
            <option value="">{t('board.allCategories')}</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {categoryLabel(c.code, categories.data, lang)}
              </option>
            ))}
          </select>
        </label>
        <UnitPicker
          label={t('item.unit')}
          value={unit}
          own={own}
          onChange={setUnit}
          allowAll
          testId="board-unit"
        />
      </section>
      {!board.data ? (
        <QueryState error={board.error} onRetry={() => void board.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('board.emptyTitle')} body={t('board.emptyBody')} testId="board-empty" />
      ) : (
        <>
          <ul className="m-cards" data-testid="board-items">
            {items.map((item) => (
              <BoardCard key={item.id} item={item} />
            ))}
          </ul>
          {board.isFetchNextPageError && (
            <p className="m-alert" role="alert">
              {problemText(t, board.error)}
            </p>
          )}
          {board.hasNextPage ? (
            <button
              type="button"
              className="m-button m-button-danger m-button-block"
              disabled={board.isFetchingNextPage}
              onClick={() => void board.fetchNextPage()}
              data-testid="board-more"
            >
              {board.isFetchingNextPage ? t('board.loading') : t('board.more')}
            </button>
          ) : (
            <p className="m-muted m-small m-hl-center">{t('board.end')}</p>
          )}
        </>
      )}
    </>
  );
}
