import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useMe } from '../../api/me';
import { DESKTOP_MODULES } from '../../modules/desktop-modules';
import { labelNamespaces } from '../../modules/module-types';
import { PageLoading } from '../pages/page-loading';
import { Brand } from './brand';
import { ShellBreadcrumbs } from './breadcrumbs';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notification-bell';
import { SideMenu } from './side-menu';
import { UserMenu } from './user-menu';

const MENU_NAMESPACES = ['shell', ...labelNamespaces(DESKTOP_MODULES)];

/**
 * The back-office frame: a collapsible side menu on wide screens, a drawer on narrow ones (a
 * phone held by an administrator), and a header with the language switch and the user menu.
 */
export function DesktopLayout() {
  const { t } = useTranslation(MENU_NAMESPACES);
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  // While the password must be changed nothing else is reachable, so no menu is offered.
  const hasMenu = useMe().data?.account.mustChangePassword === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();

  return (
    <Layout className="ll-shell">
      {hasMenu && !narrow && (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          trigger={null}
          width={220}
          theme="light"
          className="ll-sider"
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <div className="ll-sider-brand">
            <Brand showName={!collapsed} />
          </div>
          <SideMenu />
        </Layout.Sider>
      )}
      <Drawer
        placement="left"
        open={narrow && drawerOpen}
        onClose={() => setDrawerOpen(false)}
        size={260}
        title={<Brand />}
        styles={{ body: { padding: 0 } }}
      >
        <SideMenu onNavigate={() => setDrawerOpen(false)} />
      </Drawer>
      <Layout>
        <Layout.Header className="ll-header" style={{ background: token.colorBgContainer }}>
          {!hasMenu ? null : narrow ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('shell:nav.openMenu')}
              data-testid="open-menu"
              onClick={() => setDrawerOpen(true)}
            />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={t(collapsed ? 'shell:nav.expand' : 'shell:nav.collapse')}
              onClick={() => setCollapsed((c) => !c)}
            />
          )}
          {(narrow || !hasMenu) && <Brand />}
          <div className="ll-header-spacer" />
          {hasMenu && <NotificationBell />}
          <LanguageSwitch compact={narrow} />
          <UserMenu compact={narrow} />
        </Layout.Header>
        <Layout.Content className="ll-content">
          {hasMenu && <ShellBreadcrumbs />}
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer className="ll-footer">{t('shell:footer')}</Layout.Footer>
      </Layout>
    </Layout>
  );
}
