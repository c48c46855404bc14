import type { TUnitType } from '@lifeline/shared';
import {
  App,
  Card,
  Empty,
  Flex,
  Input,
  Switch,
  Tag,
  Tree,
  type TreeDataNode,
  type TreeProps,
  Typography,
} from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../admin-kit/labels';
import { useReportError } from '../../admin-kit/use-report-error';
import { UNIT_TREE_KEY, useMoveUnit } from '../api';
import { ancestorIds, searchUnits, type UnitTree, type UnitTreeItem } from '../unit-tree';

type Props = {
  tree: UnitTree;
  types: TUnitType[];
  selectedId?: number;
  onSelect: (id: number) => void;
  showDissolved: boolean;
  onShowDissolved: (show: boolean) => void;
};

/** The search text marked inside a name, so the user sees why a unit matched. */
function highlight(text: string, search: string): ReactNode {
  const q = search.trim();
  const at = q ? text.toLowerCase().indexOf(q.toLowerCase()) : -1;
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark className="ll-unit-mark">{text.slice(at, at + q.length)}</mark>
      {text.slice(at + q.length)}
    </>
  );
}

/**
 * The organisation tree with headcounts. A unit is moved by dragging it onto its new parent;
 * the move is confirmed in a dialog naming both parents, then sent with the unit's version.
 */
export function UnitTreeCard({ tree, types, selectedId, onSelect, showDissolved, onShowDissolved }: Props) {
  const { t } = useTranslation(['units', 'admin-kit']);
  const labels = useLabels();
  const { modal, message } = App.useApp();
  const move = useMoveUnit();
  const reportError = useReportError([UNIT_TREE_KEY]);
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<number[]>(() => [
    ...tree.roots.map((r) => r.id),
    ...(selectedId ? ancestorIds(tree, selectedId) : []),
  ]);
  const [autoExpandParent, setAutoExpandParent] = useState(true);
  // Whatever selects a unit (a search, a new unit, a move, the address) also reveals it.
  useEffect(() => {
    if (!selectedId) return;
    const path = ancestorIds(tree, selectedId);
    setExpanded((keys) => (path.every((k) => keys.includes(k)) ? keys : [...new Set([...keys, ...path])]));
  }, [tree, selectedId]);
  const hits = useMemo(() => searchUnits(tree, search), [tree, search]);
  const typeOf = (code: string) =>
    labels.typeName(
      types.find((x) => x.code === code),
      code,
    );

  const title = (u: UnitTreeItem) => (
    <span
      className="ll-unit-title"
      data-unit-code={u.code}
      title={t('tree.countsHint', {
        people: u.people,
        members: u.partyMembers,
        subtreePeople: u.subtreePeople,
        subtreeMembers: u.subtreePartyMembers,
      })}
    >
      <span className={u.dissolvedOn ? 'll-unit-name ll-unit-dissolved' : 'll-unit-name'}>
        {highlight(u.name, search)}
      </span>
      <Tag variant="filled" className="ll-unit-tag">
        {typeOf(u.type)}
      </Tag>
      {u.dissolvedOn && <Tag className="ll-unit-tag">{t('tree.dissolvedTag')}</Tag>}
      <Typography.Text type="secondary" className="ll-unit-counts">
        {t('tree.counts', { people: u.subtreePeople, members: u.subtreePartyMembers })}
      </Typography.Text>
    </span>
  );
  const toData = (items: UnitTreeItem[]): TreeDataNode[] =>
    items.map((u) => ({ key: u.id, title: title(u), children: toData(u.children) }));
  const treeData = toData(tree.roots);
  const canMoveAny = [...tree.byId.values()].some((u) => u.abilities.move);

  const unitOf = (key: React.Key) => tree.byId.get(Number(key));
  /** Dropped onto a unit: it becomes the parent; dropped between units: their parent does. */
  const newParentOf = (target: UnitTreeItem | undefined, intoTarget: boolean) =>
    intoTarget ? target : target?.parentId != null ? tree.byId.get(target.parentId) : undefined;

  const onSearch = (text: string) => {
    setSearch(text);
    const found = searchUnits(tree, text);
    if (found.length === 0) return;
    setExpanded([...new Set(found.flatMap((u) => ancestorIds(tree, u.id)))]);
    setAutoExpandParent(true);
  };

  const onDrop: TreeProps['onDrop'] = (info) => {
    const unit = unitOf(info.dragNode.key);
    const parent = newParentOf(unitOf(info.node.key), !info.dropToGap);
    if (!unit || !parent) return;
    if (parent.id === unit.parentId) {
      void message.info(t('move.sameParent'));
      return;
    }
    const from = unit.parentId != null ? (tree.byId.get(unit.parentId)?.name ?? '') : '';
    modal.confirm({
      title: t('move.confirmTitle'),
      content: t('move.confirmBody', { unit: unit.name, from, to: parent.name }),
      okText: t('move.ok'),
      cancelText: t('admin-kit:actions.cancel'),
      onOk: () =>
        move.mutateAsync({ id: unit.id, newParentId: parent.id, version: unit.version }).then(() => {
          void message.success(t('move.done', { unit: unit.name, to: parent.name }));
          setExpanded((keys) => [...new Set([...keys, parent.id])]);
          onSelect(unit.id);
        }, reportError),
    });
  };

  return (
    <Card
      title={t('tree.title')}
      extra={
        <Flex align="center" gap="small">
          <Typography.Text>{t('tree.showDissolved')}</Typography.Text>
          <Switch
            size="small"
            checked={showDissolved}
            onChange={onShowDissolved}
            aria-label={t('tree.showDissolved')}
            data-testid="show-dissolved"
          />
        </Flex>
      }
    >
      <Input.Search
        allowClear
        placeholder={t('tree.search')}
        aria-label={t('tree.search')}
        onChange={(e) => onSearch(e.target.value)}
        onSearch={(text) => {
          const first = searchUnits(tree, text)[0];
          if (first) onSelect(first.id);
        }}
        style={{ marginBottom: 8 }}
      />
      {search.trim() && hits.length === 0 && (
        <Typography.Paragraph type="secondary">
          {t('tree.noMatch', { text: search.trim() })}
        </Typography.Paragraph>
      )}
      {tree.roots.length === 0 ? (
        <Empty description={t('tree.empty')} />
      ) : (
        <div className="ll-unit-tree">
          <Tree
            blockNode
            showLine
            treeData={treeData}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={expanded}
            autoExpandParent={autoExpandParent}
            onExpand={(keys) => {
              setExpanded(keys.map(Number));
              setAutoExpandParent(false);
            }}
            onSelect={(keys) => keys[0] !== undefined && onSelect(Number(keys[0]))}
            draggable={{ icon: false, nodeDraggable: (node) => unitOf(node.key)?.abilities.move ?? false }}
            allowDrop={({ dropNode, dropPosition }) => {
              const parent = newParentOf(unitOf(dropNode.key), dropPosition === 0);
              return parent?.abilities.createChild ?? false;
            }}
            onDrop={onDrop}
          />
        </div>
      )}
      {canMoveAny && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('tree.dragHint')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
