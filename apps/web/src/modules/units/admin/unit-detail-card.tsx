import {
  ApartmentOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { TUnitType } from '@lifeline/shared';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../../api/me';
import { useLabels } from '../../admin-kit/labels';
import type { UnitTree, UnitTreeItem } from '../unit-tree';
import { DissolveUnitModal } from './dissolve-unit-modal';
import { UnitFormModal } from './unit-form-modal';

type Props = { unit?: UnitTreeItem; tree: UnitTree; types: TUnitType[]; onCreated: (id: number) => void };

/** One unit's details and headcounts, with the actions the server says the user may take. */
export function UnitDetailCard({ unit, tree, types, onCreated }: Props) {
  const { t } = useTranslation(['units', 'admin-kit']);
  const labels = useLabels();
  const permissions = useMe().data?.permissions ?? [];
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'edit' | 'create' | 'dissolve' | null>(null);
  if (!unit) {
    return (
      <Card>
        <Empty
          image={<ApartmentOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />}
          description={t('detail.empty')}
        />
      </Card>
    );
  }
  const none = t('admin-kit:none');
  const parent = unit.parentId != null ? tree.byId.get(unit.parentId) : undefined;
  const type = labels.typeName(
    types.find((x) => x.code === unit.type),
    unit.type,
  );
  const a = unit.abilities;

  return (
    <Card
      title={
        <Flex align="center" gap="small" wrap>
          <span data-testid="unit-detail-name">{unit.name}</span>
          {unit.dissolvedOn && <Tag>{t('tree.dissolvedTag')}</Tag>}
        </Flex>
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 16 }}>
        {a.update && (
          <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
            {t('actions.edit')}
          </Button>
        )}
        {a.createChild && (
          <Button icon={<PlusOutlined />} onClick={() => setDialog('create')}>
            {t('actions.addChild')}
          </Button>
        )}
        {permissions.includes('person.read') && (
          <Button icon={<TeamOutlined />} onClick={() => navigate(`/people?unitId=${unit.id}`)}>
            {t('detail.viewPeople')}
          </Button>
        )}
        {a.assignRoles && (
          <Button icon={<SafetyCertificateOutlined />} onClick={() => navigate(`/roles?unitId=${unit.id}`)}>
            {t('detail.roles')}
          </Button>
        )}
        {a.dissolve && (
          <Button danger icon={<DeleteOutlined />} onClick={() => setDialog('dissolve')}>
            {t('actions.dissolve')}
          </Button>
        )}
      </Flex>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('detail.subtreePeople')} value={unit.subtreePeople} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('detail.subtreePartyMembers')} value={unit.subtreePartyMembers} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('detail.people')} value={unit.people} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('detail.partyMembers')} value={unit.partyMembers} />
        </Col>
      </Row>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'code', label: t('detail.code'), children: unit.code },
          { key: 'type', label: t('detail.type'), children: type },
          { key: 'shortName', label: t('detail.shortName'), children: unit.shortName || none },
          { key: 'parent', label: t('detail.parent'), children: parent?.name ?? none },
          { key: 'established', label: t('detail.establishedOn'), children: unit.establishedOn ?? none },
          { key: 'sort', label: t('detail.sortOrder'), children: unit.sortOrder },
          ...(unit.dissolvedOn
            ? [{ key: 'dissolved', label: t('detail.dissolvedOn'), children: unit.dissolvedOn }]
            : []),
        ]}
      />
      {dialog === 'edit' && (
        <UnitFormModal mode="edit" unit={unit} types={types} onClose={() => setDialog(null)} />
      )}
      {dialog === 'create' && (
        <UnitFormModal
          mode="create"
          parent={unit}
          types={types}
          onClose={(id) => {
            setDialog(null);
            if (id) onCreated(id);
          }}
        />
      )}
      {dialog === 'dissolve' && <DissolveUnitModal unit={unit} onClose={() => setDialog(null)} />}
    </Card>
  );
}
