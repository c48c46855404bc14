import {
  CHANGE_KINDS,
  type TChangeProposal,
  type TChangeRequest,
  type TCycle,
  type TProject,
} from '@lifeline/shared';
import {
  App,
  Button,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTimestamp, fromDayjs } from '../../admin-kit/dates';
import { useDecideChange, useRequestChange } from '../api';
import { fenToYuan, formatDay, useInnovationLabels, yuanToFen } from '../format';
import { useInnovationError } from '../problems';
import { usePeopleNames } from './people-names';
import { PersonPicker, type PersonRef } from './person-picker';

const STATE_COLORS = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  closed: 'default',
} as const;

type Props = {
  changes: TChangeRequest[];
  loading?: boolean;
  /** On a project's page: its milestones and people, to name what a proposal refers to. */
  project?: TProject;
  /** On the board: a link to each request's project. */
  showProject?: boolean;
  emptyText: string;
};

/** Change requests with their proposal in words, and approve / reject where I may decide. */
export function ChangeRequestsTable({ changes, loading, project, showProject, emptyText }: Props) {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const labels = useInnovationLabels();
  const [deciding, setDeciding] = useState<{ change: TChangeRequest; approve: boolean } | null>(null);
  const teamIds = changes.flatMap((c) => (c.proposal.kind === 'team' ? c.proposal.teamIds : []));
  const nameOf = usePeopleNames(teamIds, project ? [project.leader, ...project.team] : []);
  const milestoneOf = new Map((project?.milestones ?? []).map((m) => [m.id, m.title]));

  const proposal = (p: TChangeProposal): string => {
    switch (p.kind) {
      case 'team':
        return t('changes.proposal.team', {
          names: p.teamIds.length ? p.teamIds.map(nameOf).join(t('list.separator')) : t('changes.noTeam'),
        });
      case 'level':
        return t('changes.proposal.level', { level: labels.level(p.level) });
      case 'funding':
        return t('changes.proposal.funding', { amount: labels.money(p.fundingFen) });
      case 'deadline':
        return t('changes.proposal.deadline', {
          title: milestoneOf.get(p.milestoneId) ?? t('changes.milestoneN', { id: p.milestoneId }),
          due: formatDay(p.dueOn, labels.lang),
        });
    }
  };

  const columns: TableColumnsType<TChangeRequest> = [
    ...(showProject
      ? [
          {
            key: 'project',
            title: t('fields.title'),
            render: (_: unknown, c: TChangeRequest) => (
              <Link to={`/innovation/projects/${c.projectId}`}>{c.projectTitle}</Link>
            ),
          },
        ]
      : []),
    { key: 'kind', title: t('changes.kind'), render: (_, c) => labels.changeKind(c.kind) },
    { key: 'proposal', title: t('changes.proposalTitle'), render: (_, c) => proposal(c.proposal) },
    {
      key: 'reason',
      title: t('changes.reason'),
      render: (_, c) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} className="ll-inno-cell-text">
          {c.reason}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'requested',
      title: t('changes.requested'),
      render: (_, c) => (
        <span className="ll-inno-small">
          {c.requestedBy ?? t('detail.system')}
          <br />
          {formatTimestamp(c.requestedAt, labels.lang)}
        </span>
      ),
    },
    {
      key: 'state',
      title: t('fields.state'),
      render: (_, c) => (
        <Flex vertical gap={2}>
          <span>
            <Tag color={STATE_COLORS[c.state]}>{t(`changes.states.${c.state}`)}</Tag>
          </span>
          {c.decidedAt && (
            <Typography.Text type="secondary" className="ll-inno-small">
              {t('changes.decidedBy', {
                name: c.decidedBy ?? t('detail.system'),
                at: formatTimestamp(c.decidedAt, labels.lang),
              })}
            </Typography.Text>
          )}
          {c.decisionComment && <span className="ll-inno-small">{c.decisionComment}</span>}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: '',
      render: (_, c) =>
        c.abilities.decide && (
          <Flex gap={4} wrap>
            <Button size="small" type="primary" onClick={() => setDeciding({ change: c, approve: true })}>
              {t('changes.approve')}
            </Button>
            <Button size="small" danger onClick={() => setDeciding({ change: c, approve: false })}>
              {t('changes.reject')}
            </Button>
          </Flex>
        ),
    },
  ];

  return (
    <>
      <Table<TChangeRequest>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={changes}
        columns={columns}
        pagination={changes.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        data-testid="change-requests"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      />
      {deciding && (
        <DecideChangeModal
          change={deciding.change}
          approve={deciding.approve}
          summary={proposal(deciding.change.proposal)}
          onClose={() => setDeciding(null)}
        />
      )}
    </>
  );
}

function DecideChangeModal({
  change,
  approve,
  summary,
  onClose,
}: {
  change: TChangeRequest;
  approve: boolean;
  summary: string;
  onClose: () => void;
}) {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const { message } = App.useApp();
  const decide = useDecideChange();
  const reportError = useInnovationError();
  const [form] = Form.useForm<{ comment?: string }>();
  const onFinish = (v: { comment?: string }) =>
    decide.mutate(
      { id: change.id, approve, comment: (v.comment ?? '').trim(), version: change.version },
      {
        onSuccess: () => {
          void message.success(approve ? t('changes.approvedDone') : t('changes.rejectedDone'));
          onClose();
        },
        onError: (err) => {
          reportError(err);
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={approve ? t('changes.approveTitle') : t('changes.rejectTitle')}
      okText={approve ? t('changes.approve') : t('changes.reject')}
      okButtonProps={{ danger: !approve }}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={decide.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{change.projectTitle}</Typography.Text>
        <br />
        {summary}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('changes.reasonWas', { reason: change.reason })}
      </Typography.Paragraph>
      {approve && <Typography.Paragraph type="warning">{t('changes.approveEffect')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="comment"
          label={t('changes.comment')}
          rules={[
            ...(approve
              ? []
              : [{ required: true, whitespace: true, message: t('changes.rejectNeedsComment') }]),
            { max: 2000, message: t('form.tooLong', { max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type RequestValues = {
  kind: TChangeProposal['kind'];
  teamIds?: number[];
  level?: string;
  fundingYuan?: number | null;
  milestoneId?: number;
  dueOn?: Dayjs | null;
  reason: string;
};

/** The applicant asks to change the team, the level, the funding or a milestone's deadline. */
export function RequestChangeModal({
  project,
  cycle,
  open,
  onClose,
}: {
  project: TProject;
  cycle: TCycle | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const labels = useInnovationLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<RequestValues>();
  const request = useRequestChange(project.id);
  const reportError = useInnovationError();
  const kind = Form.useWatch('kind', form) ?? 'team';
  const known: PersonRef[] = [project.leader, ...project.team];

  const onFinish = (v: RequestValues) => {
    let proposal: TChangeProposal;
    if (v.kind === 'team') proposal = { kind: 'team', teamIds: v.teamIds ?? [] };
    else if (v.kind === 'level') proposal = { kind: 'level', level: v.level as 'branch' };
    else if (v.kind === 'funding') proposal = { kind: 'funding', fundingFen: yuanToFen(v.fundingYuan ?? 0) };
    else
      proposal = { kind: 'deadline', milestoneId: v.milestoneId as number, dueOn: fromDayjs(v.dueOn) ?? '' };
    request.mutate(
      { proposal, reason: v.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('changes.requestedDone'));
          onClose();
        },
        onError: reportError,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('changes.requestTitle')}
      okText={t('changes.send')}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={request.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={560}
    >
      <Form
        name="change"
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={onFinish}
        initialValues={{
          kind: 'team',
          teamIds: project.team.map((m) => m.id),
          level: project.levelApproved ?? project.levelApplied,
          fundingYuan: fenToYuan(project.fundingFen ?? project.budgetFen),
        }}
      >
        <Form.Item name="kind" label={t('changes.kind')}>
          <Radio.Group
            optionType="button"
            options={CHANGE_KINDS.map((k) => ({ value: k.code, label: labels.changeKind(k.code) }))}
          />
        </Form.Item>
        {kind === 'team' && (
          <Form.Item
            name="teamIds"
            label={t('changes.newTeam')}
            extra={t('changes.newTeamHint')}
            rules={[{ type: 'array', max: 30, message: t('form.teamMax', { max: 30 }) }]}
          >
            <PersonPicker multiple max={30} known={known} exclude={[project.leader.id]} />
          </Form.Item>
        )}
        {kind === 'level' && (
          <Form.Item
            name="level"
            label={t('changes.newLevel')}
            rules={[{ required: true, message: t('form.levelRequired') }]}
          >
            <Select options={labels.levelOptions(cycle?.levels.map((l) => l.level))} />
          </Form.Item>
        )}
        {kind === 'funding' && (
          <Form.Item
            name="fundingYuan"
            label={t('changes.newFunding')}
            rules={[{ required: true, message: t('form.budgetRequired') }]}
          >
            <InputNumber<number>
              min={0}
              precision={2}
              step={1000}
              suffix={t('form.yuan')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        )}
        {kind === 'deadline' && (
          <Flex gap={12} wrap>
            <Form.Item
              name="milestoneId"
              label={t('changes.milestone')}
              rules={[{ required: true, message: t('changes.milestoneRequired') }]}
              className="ll-inno-grow"
            >
              <Select
                options={project.milestones
                  .filter((m) => !m.doneOn)
                  .map((m) => ({
                    value: m.id,
                    label: t('progress.milestoneOption', {
                      title: m.title,
                      due: formatDay(m.dueOn, labels.lang),
                    }),
                  }))}
                notFoundContent={t('changes.noOpenMilestones')}
              />
            </Form.Item>
            <Form.Item
              name="dueOn"
              label={t('changes.newDue')}
              rules={[{ required: true, message: t('form.dueOnRequired') }]}
            >
              <DatePicker />
            </Form.Item>
          </Flex>
        )}
        <Form.Item
          name="reason"
          label={t('changes.reason')}
          rules={[
            { required: true, whitespace: true, message: t('changes.reasonRequired') },
            { max: 2000, message: t('form.tooLong', { max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
