import { LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout, useMe } from '../../api/me';
import { CHANGE_PASSWORD_PATH } from '../guards/require-auth';

/** Who is logged in, with the way to change the password and to log out. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation(['shell', 'auth']);
  const me = useMe().data;
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();
  if (!me) return null;

  const onLogout = async () => {
    await logout.mutateAsync().catch(() => undefined);
    navigate('/login', { replace: true });
    void message.success(t('auth:logout.done'));
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <div>
                <Typography.Text strong>{me.person.name}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{me.person.unitName}</Typography.Text>
              </div>
            ),
          },
          { type: 'divider' },
          { key: 'password', icon: <LockOutlined />, label: t('user.changePassword') },
          { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'password') navigate(CHANGE_PASSWORD_PATH);
          if (key === 'logout') void onLogout();
        },
      }}
    >
      {/* Named by the user's name where it shows (the visible text is the name: WCAG 2.5.3). */}
      <Button
        type="text"
        aria-label={compact ? t('user.menu') : undefined}
        data-testid="user-menu"
        style={{ paddingInline: 8 }}
      >
        <Avatar size="small" style={{ backgroundColor: '#c8102e' }} aria-hidden>
          {me.person.name.slice(0, 1)}
        </Avatar>
        {!compact && <span>{me.person.name}</span>}
      </Button>
    </Dropdown>
  );
}
