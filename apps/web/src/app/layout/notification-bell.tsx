import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { toLanguage } from '../../i18n/languages';
import { notificationText, notificationTime } from './notification-text';
import { type TNotification, useInbox, useMarkRead } from './notifications-api';
import './notification-bell.css';

/**
 * The bell in the desktop header: the unread count, polled every minute, and the ten newest
 * notices; a click marks one read and opens what it is about.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation('shell');
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const inbox = useInbox(true);
  const markRead = useMarkRead();
  const unread = inbox.data?.unread ?? 0;
  const items = inbox.data?.items ?? [];

  const onPick = (n: TNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    const link = n.link;
    if (!link?.startsWith('/') || link.startsWith('//')) return;
    // Phone pages (/m/…) are another app: load them; desktop pages stay in this router.
    if (link === '/m' || link.startsWith('/m/')) window.location.assign(link);
    else navigate(link);
  };

  const content = (
    <div className="ll-inbox" data-testid="notification-list">
      <Flex align="center" justify="space-between" className="ll-inbox-head">
        <Typography.Text strong>
          {t('notifications.title')}
          {unread > 0 && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
              {t('notifications.unreadCount', { count: unread })}
            </Typography.Text>
          )}
        </Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          onClick={() => markRead.mutate(null)}
          data-testid="notifications-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {inbox.isError && !inbox.data ? (
        <Typography.Paragraph type="danger" className="ll-inbox-empty">
          {t('notifications.loadFailed')}
        </Typography.Paragraph>
      ) : inbox.isPending ? (
        <Flex justify="center" className="ll-inbox-empty">
          <Spin size="small" />
        </Flex>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul className="ll-inbox-list">
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={n.readAt ? 'll-inbox-item' : 'll-inbox-item ll-inbox-unread'}
                onClick={() => onPick(n)}
              >
                <span className="ll-inbox-dot" aria-hidden />
                <span className="ll-inbox-text">{notificationText(t, i18n, n)}</span>
                <span className="ll-inbox-time">
                  {notificationTime(n.createdAt, toLanguage(i18n.language))}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) void inbox.refetch();
      }}
      content={content}
      arrow={false}
      styles={{ container: { padding: 0 } }}
    >
      <Button
        type="text"
        aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
        data-testid="notification-bell"
        style={{ paddingInline: 8 }}
      >
        <Badge count={unread} size="small" overflowCount={99} offset={[2, -2]}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
