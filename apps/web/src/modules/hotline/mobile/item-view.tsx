import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type THotlineMine, type THotlineState, type TItemSource, useCategories, usePhoto } from '../api';
import {
  categoryLabel,
  closeReasonLabel,
  dateTime,
  stateLabel,
  urgencyLabel,
  visibilityLabel,
} from '../format';
import { ItemActions } from './item-actions';
import { DueLine, PrivacyNote, StateBadge, UrgencyTag } from './parts';

type Step = { state: THotlineState; at?: string | null; status: 'done' | 'current' | 'todo' };

/** The way an item goes, with where it is now: the main path, and the detours it took. */
function steps(item: THotlineMine): Step[] {
  const path: THotlineState[] =
    item.state === 'reopened'
      ? ['submitted', 'accepted', 'in_progress', 'answered', 'reopened', 'confirmed']
      : item.state === 'closed'
        ? item.answeredAt
          ? ['submitted', 'accepted', 'in_progress', 'answered', 'closed']
          : ['submitted', 'closed']
        : item.state === 'waiting_reporter'
          ? ['submitted', 'accepted', 'waiting_reporter', 'answered', 'confirmed']
          : ['submitted', 'accepted', 'in_progress', 'answered', 'confirmed'];
  const current = path.indexOf(item.state);
  return path.map((state, i) => ({
    state,
    at: state === 'submitted' ? item.createdAt : state === 'answered' ? item.answeredAt : null,
    status:
      i < current
        ? 'done'
        : i === current
          ? state === 'confirmed' || state === 'closed'
            ? 'done'
            : 'current'
          : 'todo',
  }));
}

/** The state as a row of steps, the current one marked. */
function Timeline({ item }: { item: THotlineMine }) {
  const { t, i18n } = useTranslation('hotline');
  const lang = i18n.language;
  return (
    <ol className="m-hl-steps" aria-label={t('item.timeline')} data-testid="timeline">
      {steps(item).map((s) => (
        <li
          key={s.state}
          className={`m-hl-step m-hl-step-${s.status}`}
          aria-current={s.status === 'current' ? 'step' : undefined}
        >
          <span className="m-hl-step-dot" aria-hidden="true" />
          <span className="m-hl-step-label">{stateLabel(s.state, lang)}</span>
          {s.at && <span className="m-hl-step-at">{dateTime(s.at, lang)}</span>}
        </li>
      ))}
    </ol>
  );
}

/** A photo of the item, fetched with the session or the secret; tap to see it large. */
function Photo({ source, photoId, n }: { source: TItemSource; photoId: string; n: number }) {
  const { t } = useTranslation('hotline');
  const photo = usePhoto(source, photoId);
  const [url, setUrl] = useState<string | null>(null);
  const [large, setLarge] = useState(false);
  useEffect(() => {
    if (!photo.data) return;
    const u = URL.createObjectURL(photo.data);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [photo.data]);
  if (photo.isError)
    return (
      <li className="m-hl-thumb m-hl-thumb-missing" data-testid="item-photo-missing">
        {t('photos.unavailable')}
      </li>
    );
  return (
    <li className="m-hl-thumb" data-testid="item-photo">
      {url ? (
        <button type="button" className="m-hl-thumb-open" onClick={() => setLarge(true)}>
          <img src={url} alt={t('photos.alt', { n })} />
        </button>
      ) : (
        <span className="m-hl-thumb-loading" />
      )}
      {large && url && (
        <div className="m-hl-lightbox" role="dialog" aria-modal="true" aria-label={t('photos.alt', { n })}>
          <img src={url} alt={t('photos.alt', { n })} />
          <button type="button" className="m-button m-button-primary" onClick={() => setLarge(false)}>
            {t('photos.close')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The replies, the reporter's own words and what the system recorded, oldest first; never notes. */
function Messages({ item }: { item: THotlineMine }) {
  const { t, i18n } = useTranslation('hotline');
  const lang = i18n.language;
  const shown = item.messages.filter((m) => m.kind !== 'note').sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section className="m-card" data-testid="messages">
      <h3 className="m-hl-subtitle">{t('item.messages')}</h3>
      {shown.length === 0 ? (
        <p className="m-muted m-small">{t('item.noMessages')}</p>
      ) : (
        <ul className="m-hl-messages">
          {shown.map((m) => (
            <li
              key={m.id}
              className={`m-hl-message m-hl-message-${m.kind}`}
              data-testid={`message-${m.kind}`}
            >
              <span className="m-hl-message-who">
                {m.kind === 'reply'
                  ? m.author
                    ? t('message.replyBy', { author: m.author })
                    : t('message.reply')
                  : t(`message.${m.kind}`)}
                <span className="m-muted"> · {dateTime(m.at, lang)}</span>
              </span>
              <p className="m-hl-message-text">{m.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The facts of the item: what, about which unit, who handles it, how visible I am, and the clock. */
function Facts({ item }: { item: THotlineMine }) {
  const { t, i18n } = useTranslation('hotline');
  const lang = i18n.language;
  const categories = useCategories().data;
  return (
    <dl className="m-card m-list m-hl-facts">
      <div className="m-row">
        <dt>{t('item.code')}</dt>
        <dd className="m-hl-code" data-testid="item-code">
          {item.code}
        </dd>
      </div>
      <div className="m-row">
        <dt>{t('item.category')}</dt>
        <dd>{categoryLabel(item.category, categories, lang)}</dd>
      </div>
      <div className="m-row">
        <dt>{t('item.unit')}</dt>
        <dd>{item.unit.name}</dd>
      </div>
      <div className="m-row">
        <dt>{t('item.handlingUnit')}</dt>
        <dd data-testid="handling-unit">{item.handlingUnit.name}</dd>
      </div>
      <div className="m-row">
        <dt>{t('item.urgency')}</dt>
        <dd>{urgencyLabel(item.urgency, lang)}</dd>
      </div>
      <div className="m-row">
        <dt>{t('item.visibility')}</dt>
        <dd>{visibilityLabel(item.visibility, lang)}</dd>
      </div>
      <div className="m-row">
        <dt>{t('item.created')}</dt>
        <dd data-testid="item-created">{dateTime(item.createdAt, lang)}</dd>
      </div>
      {item.answeredAt && (
        <div className="m-row">
          <dt>{t('item.answered')}</dt>
          <dd>{dateTime(item.answeredAt, lang)}</dd>
        </div>
      )}
      {item.calendarMissingYear !== null && (
        <div className="m-row">
          <dt>{t('item.due')}</dt>
          <dd className="m-small">{t('item.calendarMissing', { year: item.calendarMissingYear })}</dd>
        </div>
      )}
      {item.rating !== null && (
        <div className="m-row">
          <dt>{t('item.rating')}</dt>
          <dd data-testid="item-rating">
            <span className="m-hl-rating" role="img" aria-label={t('rate.starLabel', { count: item.rating })}>
              {'★'.repeat(item.rating)}
              <span className="m-hl-rating-off">{'★'.repeat(5 - item.rating)}</span>
            </span>
            {item.ratingComment && <span className="m-small m-hl-block">{item.ratingComment}</span>}
          </dd>
        </div>
      )}
      {item.closeReason && (
        <div className="m-row">
          <dt>{t('item.closeReason')}</dt>
          <dd>{closeReasonLabel(item.closeReason, lang)}</dd>
        </div>
      )}
      <div className="m-row">
        <dt>{t('item.onBoard')}</dt>
        <dd>{item.publishConsent ? t('item.onBoardYes') : t('item.onBoardNo')}</dd>
      </div>
    </dl>
  );
}

/** An item as its reporter sees it: for mine and for an anonymous one followed by code. */
export function ItemView({ source, item }: { source: TItemSource; item: THotlineMine }) {
  const { t, i18n } = useTranslation('hotline');
  const [changed, setChanged] = useState<string | null>(null);
  return (
    <>
      <section className="m-card m-hl-heading" data-testid="item-heading">
        <div className="m-hl-item-head">
          <StateBadge state={item.state} />
          <UrgencyTag urgency={item.urgency} />
        </div>
        <h2 data-testid="item-title">{item.title}</h2>
        <p className="m-muted m-small" data-testid="state-line">
          {t(`stateLine.${item.state}`)}
        </p>
        <DueLine item={item} />
        <Timeline item={item} />
      </section>
      {changed && (
        <p className="m-alert m-alert-warning" role="alert" data-testid="item-changed">
          {changed}
        </p>
      )}
      <ItemActions source={source} item={item} onChanged={setChanged} />
      <Messages item={item} />
      <section className="m-card">
        <h3 className="m-hl-subtitle">{t('item.description')}</h3>
        <p className="m-prewrap" data-testid="item-description">
          {item.description}
        </p>
        {item.photos.length > 0 && (
          <ul className="m-hl-thumbs m-hl-thumbs-view">
            {item.photos.map((p, i) => (
              <Photo key={p.id} source={source} photoId={p.id} n={i + 1} />
            ))}
          </ul>
        )}
      </section>
      <Facts item={item} />
      <PrivacyNote>
        {t('item.visibilityNote', {
          label: visibilityLabel(item.visibility, i18n.language),
          text: t(`visibility.${item.visibility}`),
        })}
      </PrivacyNote>
    </>
  );
}
