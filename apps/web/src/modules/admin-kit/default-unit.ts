import { ROLE_PERMISSIONS, type TPermission } from '@lifeline/shared';
import { useMemo } from 'react';
import { useMe } from '../../api/me';
import { useUnitTree } from '../units/api';
import { buildUnitTree } from '../units/unit-tree';

/**
 * The unit a statistics page shows first: the highest unit where one of my roles grants
 * `permission`, else the top of the tree I can read. The server checks the unit again on every
 * query.
 */
export function useDefaultUnit(permission: TPermission): number | undefined {
  const me = useMe().data;
  const canRead = me?.permissions.includes('org_unit.read') ?? false;
  const tree = useUnitTree(false, canRead);
  return useMemo(() => {
    const granted = (me?.roles ?? []).filter((r) => ROLE_PERMISSIONS[r.role]?.includes(permission));
    if (tree.data) {
      const { byId, roots } = buildUnitTree(tree.data);
      const depth = (id: number) => byId.get(id)?.depth ?? Number.MAX_SAFE_INTEGER;
      const highest = [...granted].sort((a, b) => depth(a.unitId) - depth(b.unitId))[0];
      return highest?.unitId ?? roots[0]?.id;
    }
    return granted[0]?.unitId;
  }, [me, tree.data, permission]);
}
