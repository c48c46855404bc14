import { Menu } from 'antd';
import { cloneElement, isValidElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../../api/me';
import { DESKTOP_MODULES } from '../../modules/desktop-modules';
import { canUse, type DesktopModule } from '../../modules/module-types';

/** The module whose path is the longest prefix of the current path (so `/units/3` selects Units). */
export function selectedModule(
  pathname: string,
  modules: readonly DesktopModule[],
): DesktopModule | undefined {
  const matches = modules.filter((m) =>
    m.path === '/' ? pathname === '/' : pathname === m.path || pathname.startsWith(`${m.path}/`),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0];
}

/**
 * A module's icon hidden from assistive technology: antd's icons are images named in English
 * ("team"), which would otherwise open every item's name ("team 人员").
 */
function decorative(icon: ReactNode): ReactNode {
  return isValidElement<{ 'aria-hidden'?: boolean }>(icon)
    ? cloneElement(icon, { 'aria-hidden': true })
    : icon;
}

/** The registered modules the user may use, as a navigation menu. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation('shell');
  const me = useMe().data;
  const location = useLocation();
  const navigate = useNavigate();
  // While the password must be changed, nothing else is reachable, so nothing else is offered.
  const modules =
    me && !me.account.mustChangePassword ? DESKTOP_MODULES.filter((m) => canUse(m, me.permissions)) : [];
  const selected = selectedModule(location.pathname, modules)?.key;
  return (
    <Menu
      mode="inline"
      aria-label={t('nav.mainMenu')}
      selectedKeys={selected ? [selected] : []}
      items={modules.map((m) => ({ key: m.key, icon: decorative(m.icon), label: t(m.labelKey) }))}
      onClick={({ key }) => {
        const target = modules.find((m) => m.key === key);
        if (target) navigate(target.path);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
