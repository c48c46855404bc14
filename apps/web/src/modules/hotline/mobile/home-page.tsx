import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronRightIcon } from '../../../mobile/icons';
import { type THotlineMine, useCategories, useMine } from '../api';
import { categoryLabel, dateOnly } from '../format';
import { DueLine, Empty, HotlineNav, QueryState, StateBadge, UrgencyTag } from './parts';
import { RememberedList, TrackForm } from './track-form';

/** One of my items: title, state, what it is about, and the deadline. */
function ItemCard({ item }: { item: THotlineMine }) {
  const { t, i18n } = useTranslation('hotline');
  const lang = i18n.language;
  const categories = useCategories().data;
  return (
    <li className="m-card m-hl-item" data-testid={`my-item-${item.id}`}>
      <Link to={`/m/hotline/mine/${item.id}`} className="m-hl-item-link">
        <span className="m-hl-item-head">
          <StateBadge state={item.state} />
          <UrgencyTag urgency={item.urgency} />
          <span className="m-hl-code m-muted m-small">{item.code}</span>
        </span>
        <strong className="m-hl-item-title">{item.title}</strong>
        <span className="m-muted m-small">
          {t('item.summary', {
            category: categoryLabel(item.category, categories, lang),
            unit: item.unit.name,
            date: dateOnly(item.createdAt, lang),
          })}
        </span>
        <DueLine item={item} />
        {Object.values(item.abilities).some(Boolean) && (
          <span className="m-hl-todo" data-testid="item-todo">
            {item.abilities.add_info
              ? t('item.todoAddInfo')
              : item.abilities.rate
                ? t('item.todoRate')
                : t('item.todo')}
          </span>
        )}
        <ChevronRightIcon size={20} className="m-hl-item-chevron" />
      </Link>
    </li>
  );
}

/**
 * /m/hotline — raise a problem, my items (named and confidential), follow an anonymous item by
 * code and secret, and the public board.
 */
export function HomePage() {
  const { t } = useTranslation('hotline');
  const mine = useMine();
  return (
    <>
      <HotlineNav />
      <section className="m-card m-hero m-hl-hero" data-testid="hotline-hero">
        <h2>{t('home.title')}</h2>
        <p className="m-muted">{t('home.body')}</p>
        <Link to="/m/hotline/new" className="m-button m-button-primary m-big" data-testid="raise">
          {t('home.raise')}
        </Link>
      </section>

      <h3 className="m-section-title">{t('home.mine')}</h3>
      {!mine.data ? (
        <QueryState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data.length === 0 ? (
        <Empty title={t('home.emptyTitle')} body={t('home.emptyBody')} testId="mine-empty" />
      ) : (
        <ul className="m-cards" data-testid="my-items">
          {mine.data.map((item) => (
            <ItemCard key={item.id} item={item} />
          ))}
        </ul>
      )}
      <p className="m-muted m-small m-pad">{t('home.anonymousNotListed')}</p>

      <RememberedList />
      <TrackForm />

      <Link to="/m/hotline/board" className="m-card m-hl-board-link" data-testid="board-link">
        <span>
          <strong>{t('home.board')}</strong>
          <span className="m-muted m-small">{t('home.boardBody')}</span>
        </span>
        <ChevronRightIcon size={20} />
      </Link>
    </>
  );
}
