import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/me';
import { useUnitTree } from '../api';
import { buildUnitTree, textMatches, type UnitTreeItem } from '../unit-tree';

type Option = { value: number; title: string; code: string; children: Option[] };

function toOptions(items: UnitTreeItem[]): Option[] {
  return items.map((u) => ({ value: u.id, title: u.name, code: u.code, children: toOptions(u.children) }));
}

export type UnitTreeSelectProps = {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'aria-label'?: string;
};

/**
 * Picks a unit from the units in my scope (dissolved ones are not offered), searchable by name
 * or code. Works as an antd form control (`value` / `onChange`).
 */
export function UnitTreeSelect({
  value,
  onChange,
  placeholder,
  allowClear = true,
  ...rest
}: UnitTreeSelectProps) {
  const { t } = useTranslation('units');
  const canRead = useMe().data?.permissions.includes('org_unit.read') ?? false;
  const tree = useUnitTree(false, canRead);
  const options = useMemo(() => (tree.data ? toOptions(buildUnitTree(tree.data).roots) : []), [tree.data]);
  const firstLevel = useMemo(() => options.map((o) => o.value), [options]);
  return (
    <TreeSelect<number>
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={options}
      loading={tree.isPending && canRead}
      placeholder={placeholder ?? t('picker.placeholder')}
      allowClear={allowClear}
      showSearch={{
        filterTreeNode: (input, node) => textMatches([String(node.title), String(node.code)], input),
      }}
      treeDefaultExpandedKeys={firstLevel}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, minWidth: 280 } } }}
      notFoundContent={t('picker.empty')}
    />
  );
}
