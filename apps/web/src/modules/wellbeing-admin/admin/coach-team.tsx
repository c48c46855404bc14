import { COACH_KINDS, type TCoachRegistry } from '@lifeline/shared';
import { Alert, Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../i18n/error-message';
import { useLabels } from '../../admin-kit/labels';
import { useCoachRegistry } from '../api';

type Member = TCoachRegistry['members'][number];

/**
 * The coach team of the chosen unit's subtree (幸福教练队伍 and 心理服务义工队): how many, and
 * who, with the team each serves and whether employees can find their profile.
 */
export function CoachTeam({ unitId }: { unitId: number | undefined }) {
  const { t } = useTranslation(['wellbeing-admin', 'admin-kit', 'errors']);
  const labels = useLabels();
  const registry = useCoachRegistry(unitId);
  if (unitId === undefined) return null;
  if (registry.isError) return <Alert type="error" showIcon title={errorMessage(t, registry.error)} />;
  const data = registry.data;
  return (
    <Card title={t('team.title')} loading={registry.isPending} data-testid="coach-team">
      {data && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} sm={8}>
              <Statistic title={t('team.coaches')} value={data.coaches} data-testid="team-coaches" />
            </Col>
            <Col xs={12} sm={8}>
              <Statistic title={t('team.volunteers')} value={data.volunteers} data-testid="team-volunteers" />
            </Col>
          </Row>
          <Table<Member>
            rowKey={(m) => `${m.kind}-${m.personId}`}
            size="small"
            dataSource={data.members}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: t('team.empty') }}
            columns={[
              { key: 'name', title: t('team.name'), dataIndex: 'name' },
              { key: 'kind', title: t('team.kind'), render: (_, m) => labels.label(COACH_KINDS, m.kind) },
              { key: 'unit', title: t('team.unit'), dataIndex: 'unitName' },
              { key: 'team', title: t('team.serves'), render: (_, m) => m.team.name },
              {
                key: 'listed',
                title: t('team.listed'),
                render: (_, m) =>
                  m.listed ? <Tag color="green">{t('team.listedYes')}</Tag> : <Tag>{t('team.listedNo')}</Tag>,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
