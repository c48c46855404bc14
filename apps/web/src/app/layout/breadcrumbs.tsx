import { Breadcrumb } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { DESKTOP_MODULES } from '../../modules/desktop-modules';
import { labelNamespaces } from '../../modules/module-types';
import { selectedModule } from './side-menu';

const NAMESPACES = ['shell', ...labelNamespaces(DESKTOP_MODULES)];
/** The module at `/`: the workbench, where every trail starts. */
const HOME = DESKTOP_MODULES.find((m) => m.path === '/');

/**
 * Where the reader is, on every page of the back office: the workbench, then the module (a link
 * back to its first page when deeper in it), from the same registry as the menu. A page's own
 * title stays in its header.
 */
export function ShellBreadcrumbs() {
  const { t } = useTranslation(NAMESPACES);
  const { pathname } = useLocation();
  const home = HOME ? t(HOME.labelKey) : '/';
  const module = selectedModule(pathname, DESKTOP_MODULES);
  const items: { title: ReactNode }[] = [];
  if (pathname === '/') items.push({ title: home });
  else {
    items.push({ title: <Link to="/">{home}</Link> });
    if (module && module !== HOME) {
      const label = t(module.labelKey);
      items.push({ title: pathname === module.path ? label : <Link to={module.path}>{label}</Link> });
    } else if (pathname === '/profile/password') items.push({ title: t('shell:user.changePassword') });
  }
  return (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      aria-label={t('shell:nav.breadcrumb')}
      data-testid="breadcrumbs"
      items={items}
    />
  );
}
