import { ROLE_PERMISSIONS, type TPermission } from '@lifeline/shared';
import { Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/me';
import { useUnitTree } from '../../units/api';
import { buildUnitTree, textMatches, type UnitTreeItem } from '../../units/unit-tree';

type Option = { value: number; title: string; code: string; children: Option[] };

function toOptions(items: UnitTreeItem[]): Option[] {
  return items.map((u) => ({ value: u.id, title: u.name, code: u.code, children: toOptions(u.children) }));
}

/**
 * The units on which I hold a permission through my roles today (a role covers its unit's
 * subtree), as trees; the server checks again when the form is sent.
 */
export function usePermissionUnits(permission: TPermission) {
  const me = useMe().data;
  const canReadTree = me?.permissions.includes('org_unit.read') ?? false;
  const tree = useUnitTree(false, canReadTree);
  const granted = useMemo(
    () => (me?.roles ?? []).filter((r) => ROLE_PERMISSIONS[r.role]?.includes(permission)),
    [me, permission],
  );
  const roots = useMemo(() => {
    if (!tree.data) return [];
    const { byId } = buildUnitTree(tree.data);
    const ids = new Set(granted.map((g) => g.unitId));
    // A granted unit below another granted unit is already in that unit's subtree.
    const covered = (u: UnitTreeItem): boolean => {
      let parent = u.parentId === null ? undefined : byId.get(u.parentId);
      while (parent) {
        if (ids.has(parent.id)) return true;
        parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
      }
      return false;
    };
    return [...ids].flatMap((id) => {
      const u = byId.get(id);
      return u && !covered(u) ? [u] : [];
    });
  }, [tree.data, granted]);
  return { granted, roots, treeLoading: canReadTree && tree.isPending, hasTree: canReadTree && !!tree.data };
}

export type UnitScopeSelectProps = {
  permission: TPermission;
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
};

/**
 * Picks a unit among those where I hold `permission` (e.g. where I may declare a project), from
 * the organisation tree; without access to the tree, among the units of my roles themselves.
 */
export function UnitScopeSelect({ permission, value, onChange, placeholder, ...rest }: UnitScopeSelectProps) {
  const { t } = useTranslation('innovation');
  const { granted, roots, treeLoading, hasTree } = usePermissionUnits(permission);
  const options = useMemo(() => toOptions(roots), [roots]);
  if (!hasTree && !treeLoading) {
    return (
      <Select<number>
        {...rest}
        value={value ?? undefined}
        onChange={(v) => onChange?.(v)}
        placeholder={placeholder ?? t('form.unitPlaceholder')}
        options={granted.map((g) => ({ value: g.unitId, label: g.unitName }))}
        notFoundContent={t('form.noUnits')}
      />
    );
  }
  return (
    <TreeSelect<number>
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={options}
      loading={treeLoading}
      placeholder={placeholder ?? t('form.unitPlaceholder')}
      showSearch={{
        filterTreeNode: (input, node) => textMatches([String(node.title), String(node.code)], input),
      }}
      treeDefaultExpandedKeys={options.map((o) => o.value)}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, minWidth: 280 } } }}
      notFoundContent={t('form.noUnits')}
    />
  );
}
