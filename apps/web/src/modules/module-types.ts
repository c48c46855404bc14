import type { TPermission } from '@lifeline/shared';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';

/**
 * One entry of a module in a shell's navigation. The shell shows it only to users who hold
 * `permission` somewhere, and loads `element` (a lazy page) only when the user opens it.
 */
export type ModuleEntry = {
  /** Unique and stable: menu key and React key. */
  key: string;
  /** A full i18next key, `<namespace>:<key>`; the namespace is loaded before the menu shows. */
  labelKey: string;
  icon: ReactNode;
  /** Where the menu links to; the module owns every path below it (`/units/*`). */
  path: string;
  permission?: TPermission;
  element: LazyExoticComponent<ComponentType>;
};

/** A side-menu entry of the desktop back office; its icon may come from @ant-design/icons. */
export type DesktopModule = ModuleEntry;

/** A tile on the mobile home page; its icon must not import antd (phones never load it). */
export type MobileModule = ModuleEntry;

/** Whether a user with these permissions may use the entry. */
export function canUse(entry: ModuleEntry, permissions: readonly string[]): boolean {
  return !entry.permission || permissions.includes(entry.permission);
}

/** The i18next namespaces the labels of these entries live in. */
export function labelNamespaces(entries: readonly ModuleEntry[]): string[] {
  return [...new Set(entries.map((e) => e.labelKey.split(':')[0]))];
}
