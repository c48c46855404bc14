import { BellOutlined } from '@ant-design/icons';
import { CHANGE_KINDS } from '@lifeline/shared';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import type { i18n as I18n, TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { toLanguage } from '../../i18n/languages';
import { type TNotification, useInbox, useMarkRead } from './notifications-api';
import './notification-bell.css';

/** A param as text: numbers as they are, null as nothing. */
function text(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The sentence of a notice in the UI language, from its kind and params. A kind this version
 * does not know (a newer server) gets a generic sentence rather than a raw key.
 */
export function notificationText(t: TFunction, i18n: I18n, n: TNotification): string {
  const lang = toLanguage(i18n.language);
  const key = `shell:notifications.kinds.${n.kind}`;
  const p = n.params;
  const state = text(p.state);
  const changeKind = CHANGE_KINDS.find((c) => c.code === p.kind);
  const values = {
    code: text(p.code),
    title: text(p.title),
    milestone: text(p.milestone),
    dueOn: text(p.dueOn),
    cycle: text(p.cycle),
    state:
      n.kind === 'innovation.change_decided'
        ? t(`shell:notifications.changeStates.${state}`, { defaultValue: state })
        : t(`shell:notifications.projectStates.${state}`, { defaultValue: state }),
    kind: changeKind ? (lang === 'en' ? changeKind.en : changeKind.zh) : text(p.kind),
  };
  const known = /^[a-z_]+\.[a-z_]+$/.test(n.kind) && i18n.exists(key);
  return known ? t(key, values) : t('shell:notifications.generic');
}

/** When a notice came, short: the time today, the date otherwise. */
function when(value: string, lang: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay
    ? d.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', hour12: false })
    : d.toLocaleDateString(lang, { year: 'numeric', month: '2-digit', day: '2-digit' });
}

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
    if (n.link?.startsWith('/')) navigate(n.link);
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
                <span className="ll-inbox-time">{when(n.createdAt, toLanguage(i18n.language))}</span>
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
