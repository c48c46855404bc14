import { Button, Col, Result, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../app/pages/page-loading';
import { errorMessage } from '../../../i18n/error-message';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam, useUrlFilters } from '../../admin-kit/url-filters';
import { useUnitTree, useUnitTypes } from '../api';
import { buildUnitTree } from '../unit-tree';
import { UnitDetailCard } from './unit-detail-card';
import { UnitTreeCard } from './unit-tree-card';
import './units.css';

/**
 * The organisation: the tree of units in my scope on the left, the chosen unit on the right.
 * The chosen unit and "show dissolved" live in the address, so a reload keeps them.
 */
export function UnitsPage() {
  const { t } = useTranslation(['units', 'errors', 'common']);
  const [filters, setFilters] = useUrlFilters(['unit', 'dissolved']);
  const showDissolved = filters.dissolved === '1';
  const nodes = useUnitTree(showDissolved);
  const types = useUnitTypes();
  const tree = useMemo(() => (nodes.data ? buildUnitTree(nodes.data) : undefined), [nodes.data]);

  if (nodes.isError) {
    return (
      <Result
        status="error"
        title={t('loadFailed')}
        subTitle={errorMessage(t, nodes.error)}
        extra={<Button onClick={() => void nodes.refetch()}>{t('common:actions.retry')}</Button>}
      />
    );
  }
  if (!tree) return <PageLoading />;
  const selectedId = idParam(filters.unit) ?? tree.roots[0]?.id;
  const select = (id: number) => setFilters({ unit: id });

  return (
    <>
      <PageHeader title={t('title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12} xxl={10}>
          <UnitTreeCard
            // A new tree (dissolved shown or hidden) starts with its own expansion.
            key={showDissolved ? 'all' : 'current'}
            tree={tree}
            types={types.data ?? []}
            selectedId={selectedId}
            onSelect={select}
            showDissolved={showDissolved}
            onShowDissolved={(show) => setFilters({ dissolved: show ? 1 : null, unit: selectedId })}
          />
        </Col>
        <Col xs={24} lg={12} xxl={14}>
          <UnitDetailCard
            unit={selectedId ? tree.byId.get(selectedId) : undefined}
            tree={tree}
            types={types.data ?? []}
            onCreated={select}
          />
        </Col>
      </Row>
    </>
  );
}
