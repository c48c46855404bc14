import { CheckCircleTwoTone, CrownOutlined, UserOutlined } from '@ant-design/icons';
import type { TMilestone, TProject } from '@lifeline/shared';
import { Card, Empty, Flex, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../../../admin-kit/dates';
import { formatDay, useInnovationLabels } from '../../format';

/** The planned milestones, done ones ticked and late ones marked. */
export function MilestonesCard({ project }: { project: TProject }) {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const labels = useInnovationLabels();
  const overdue = project.milestones.filter((m) => m.overdue).length;
  return (
    <Card
      title={t('detail.milestones')}
      className="ll-inno-gap"
      extra={overdue > 0 && <Tag color="error">{t('detail.overdueCount', { count: overdue })}</Tag>}
    >
      <Table<TMilestone>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={project.milestones}
        data-testid="milestones"
        rowClassName={(m) => (m.overdue ? 'll-inno-overdue-row' : '')}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noMilestones')} />,
        }}
        columns={[
          { key: 'n', title: '#', width: 40, render: (_, _m, i) => i + 1 },
          { key: 'title', dataIndex: 'title', title: t('fields.milestoneTitle') },
          {
            key: 'dueOn',
            title: t('fields.dueOn'),
            render: (_, m) => (
              <Flex gap={4} align="center" wrap>
                {formatDay(m.dueOn, labels.lang)}
                {m.overdue && <Tag color="error">{t('detail.overdue')}</Tag>}
              </Flex>
            ),
          },
          {
            key: 'deliverable',
            title: t('fields.deliverable'),
            render: (_, m) => m.deliverable || t('admin-kit:none'),
          },
          {
            key: 'done',
            title: t('fields.doneOn'),
            render: (_, m) =>
              m.doneOn ? (
                <Flex gap={4} align="center">
                  <CheckCircleTwoTone twoToneColor="#52c41a" />
                  {formatDay(m.doneOn, labels.lang)}
                </Flex>
              ) : (
                t('detail.notDone')
              ),
          },
          {
            key: 'outcome',
            title: t('fields.outcome'),
            render: (_, m) =>
              m.outcome ? (
                <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} className="ll-inno-cell-text">
                  {m.outcome}
                </Typography.Paragraph>
              ) : (
                t('admin-kit:none')
              ),
          },
        ]}
      />
    </Card>
  );
}

/** The leader and the team members. */
export function TeamCard({ project }: { project: TProject }) {
  const { t } = useTranslation('innovation');
  return (
    <Card title={t('detail.team')} className="ll-inno-gap" data-testid="team">
      <Flex vertical gap={8}>
        <Flex gap={8} align="center">
          <CrownOutlined className="ll-inno-leader-icon" />
          <span>
            {project.leader.name}{' '}
            <Typography.Text type="secondary">
              {t('detail.leaderRole', { no: project.leader.employeeNo })}
            </Typography.Text>
          </span>
        </Flex>
        {project.team.map((m) => (
          <Flex gap={8} align="center" key={m.id}>
            <UserOutlined />
            <span>
              {m.name} <Typography.Text type="secondary">{m.employeeNo}</Typography.Text>
            </span>
          </Flex>
        ))}
        {project.team.length === 0 && (
          <Typography.Text type="secondary">{t('detail.noTeam')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

const EVENT_COLORS: Record<string, string> = {
  submit: 'blue',
  pass: 'green',
  approve: 'green',
  accept_late: 'green',
  complete: 'green',
  change_approved: 'green',
  return: 'orange',
  request_late: 'orange',
  suspend: 'orange',
  reject: 'red',
  decline: 'red',
  refuse_late: 'red',
  terminate: 'red',
  change_rejected: 'red',
};

/** The project's history: every step with who took it, when, and what they wrote. */
export function HistoryCard({ project }: { project: TProject }) {
  const { t } = useTranslation('innovation');
  const labels = useInnovationLabels();
  const events = [...project.events].reverse();
  return (
    <Card title={t('detail.history')} className="ll-inno-gap" data-testid="history">
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noHistory')} />
      ) : (
        <Timeline
          items={events.map((e) => ({
            key: e.id,
            color: EVENT_COLORS[e.action] ?? 'gray',
            content: (
              <div>
                <div>
                  <Typography.Text strong>{labels.event(e.action)}</Typography.Text>
                  {e.toState && e.fromState !== e.toState && (
                    <Typography.Text type="secondary">
                      {' '}
                      {t('detail.stateChange', {
                        from: labels.state(e.fromState),
                        to: labels.state(e.toState),
                      })}
                    </Typography.Text>
                  )}
                </div>
                <Typography.Text type="secondary" className="ll-inno-small">
                  {e.actorName ?? t('detail.system')} · {formatTimestamp(e.at, labels.lang)}
                </Typography.Text>
                {e.comment && <div className="ll-inno-quote">{e.comment}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
