import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notificationText, notificationTime } from '../../app/layout/notification-text';
import { errorMessage } from '../../i18n/error-message';
import { toLanguage } from '../../i18n/languages';
import { EmptyTrayIcon } from '../icons';
import { type TNotification, useInboxPages, useMarkRead } from '../notifications-api';
import { MobileLoading } from './mobile-loading';

/** Where a notice leads: a path of ours, or nowhere (a foreign or protocol-relative link is ignored). */
function safeLink(link: string | null): string | null {
  return link?.startsWith('/') && !link.startsWith('//') ? link : null;
}

/** A phone page's own address (the mobile router handles it) rather than a desktop page. */
function isMobilePath(link: string): boolean {
  return link === '/m' || link.startsWith('/m/') || link.startsWith('/m?');
}

/**
 * My notices on a phone, newest first with "load more"; a tap marks one read and opens what it
 * is about: a phone page in place, a desktop page with a full navigation (the other app).
 */
export function MobileNotificationsPage() {
  const { t, i18n } = useTranslation(['shell', 'common', 'errors']);
  const navigate = useNavigate();
  const inbox = useInboxPages();
  const markRead = useMarkRead();
  const lang = toLanguage(i18n.language);

  if (!inbox.data && !inbox.isError) return <MobileLoading />;
  if (!inbox.data)
    return (
      <section className="m-result" role="alert">
        <p>{errorMessage(t, inbox.error)}</p>
        <button type="button" className="m-button m-button-primary" onClick={() => void inbox.refetch()}>
          {t('common:actions.retry')}
        </button>
      </section>
    );

  const items = inbox.data.pages.flatMap((p) => p.items);
  const unread = inbox.data.pages[0]?.unread ?? 0;

  const open = async (n: TNotification) => {
    if (!n.readAt) await markRead.mutateAsync(n.id).catch(() => undefined);
    const link = safeLink(n.link);
    if (!link) return;
    if (isMobilePath(link)) navigate(link);
    else window.location.assign(link);
  };

  return (
    <>
      <div className="m-inbox-head">
        <span className="m-muted" data-testid="inbox-unread">
          {unread > 0 ? t('notifications.unreadCount', { count: unread }) : t('notifications.noneUnread')}
        </span>
        <button
          type="button"
          className="m-link-button"
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate(null)}
          data-testid="notifications-read-all"
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      {items.length === 0 ? (
        <section className="m-card m-empty">
          <EmptyTrayIcon size={56} />
          <h4>{t('notifications.empty')}</h4>
        </section>
      ) : (
        <ul className="m-card m-inbox" data-testid="notification-list">
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={n.readAt ? 'm-inbox-item' : 'm-inbox-item m-inbox-unread'}
                onClick={() => void open(n)}
              >
                <span className="m-inbox-dot" aria-hidden="true" />
                <span className="m-inbox-text">{notificationText(t, i18n, n)}</span>
                <span className="m-inbox-time">{notificationTime(n.createdAt, lang)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {inbox.hasNextPage && (
        <button
          type="button"
          className="m-button m-button-danger m-button-block"
          disabled={inbox.isFetchingNextPage}
          onClick={() => void inbox.fetchNextPage()}
        >
          {inbox.isFetchingNextPage ? t('common:status.loading') : t('notifications.loadMore')}
        </button>
      )}
      {inbox.isError && (
        <div className="m-alert" role="alert">
          {errorMessage(t, inbox.error)}
        </div>
      )}
    </>
  );
}
