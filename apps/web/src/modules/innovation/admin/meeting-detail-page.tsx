import { EditOutlined } from '@ant-design/icons';
import type { TCycle } from '@lifeline/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Result,
  Select,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageLoading } from '../../../app/pages/page-loading';
import { errorMessage } from '../../../i18n/error-message';
import { formatTimestamp } from '../../admin-kit/dates';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam } from '../../admin-kit/url-filters';
import {
  type TMeetingCandidate,
  type TMeetingDetail,
  useCycles,
  useDecideProject,
  useMeeting,
  useProject,
} from '../api';
import { BackButton } from '../components/back-button';
import { StateTag } from '../components/state-tag';
import { fenToYuan, formatDay, useInnovationLabels, yuanToFen } from '../format';
import { useInnovationError } from '../problems';
import { MeetingModal } from './meetings-page';

/**
 * One decision meeting: who sat, the minutes, and the shortlisted projects with the members who
 * must stay out of each decision (their unit applied, or they are on the team), the decisions
 * taken and, for those who may decide, approve or decline.
 */
export function MeetingDetailPage() {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const navigate = useNavigate();
  const labels = useInnovationLabels();
  const id = idParam(useParams().id);
  const meeting = useMeeting(id);
  const cycles = useCycles();
  const [editing, setEditing] = useState(false);
  const m = meeting.data;
  const cycle = cycles.data?.find((c) => c.id === m?.cycleId);

  if (id === undefined || meeting.isError)
    return (
      <Result
        status="404"
        title={t('meetings.notFound')}
        subTitle={meeting.isError ? errorMessage(t, meeting.error) : undefined}
        extra={<Button onClick={() => navigate('/innovation/meetings')}>{t('meetings.backToList')}</Button>}
      />
    );
  if (!m || !cycle) return <PageLoading />;

  return (
    <>
      <PageHeader
        title={t('meetings.detailTitle', { date: formatDay(m.heldOn, labels.lang), cycle: cycle.name })}
        extra={
          <>
            <BackButton to={`/innovation/meetings?cycle=${m.cycleId}`} />
            {m.abilities.update && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('meetings.edit')}
              </Button>
            )}
          </>
        }
      />
      <Card className="ll-inno-gap">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'heldOn', label: t('meetings.heldOn'), children: formatDay(m.heldOn, labels.lang) },
            {
              key: 'members',
              label: t('meetings.members'),
              children: (
                <Flex wrap gap={4}>
                  {m.members.map((p) => (
                    <Tag key={p.id}>{p.name}</Tag>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'minutes',
              label: t('meetings.minutes'),
              children: <div className="ll-inno-pre">{m.minutes || t('admin-kit:none')}</div>,
            },
          ]}
        />
      </Card>
      <Candidates meeting={m} cycle={cycle} />
      {editing && <MeetingModal cycle={cycle} meeting={m} onClose={() => setEditing(false)} />}
    </>
  );
}

function Candidates({ meeting, cycle }: { meeting: TMeetingDetail; cycle: TCycle }) {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const labels = useInnovationLabels();
  const [deciding, setDeciding] = useState<TMeetingCandidate | null>(null);
  const open = meeting.candidates.filter((c) => !c.decision).length;
  return (
    <Card
      title={t('meetings.candidates')}
      extra={<Typography.Text type="secondary">{t('meetings.openCount', { count: open })}</Typography.Text>}
      className="ll-inno-gap"
    >
      <Table<TMeetingCandidate>
        rowKey={(c) => c.project.id}
        size="small"
        dataSource={meeting.candidates}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="candidates"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.noCandidates')} />,
        }}
        columns={[
          { key: 'code', title: t('fields.code'), render: (_, c) => c.project.code },
          {
            key: 'title',
            title: t('fields.title'),
            render: (_, c) => (
              <Flex vertical>
                <Link to={`/innovation/projects/${c.project.id}`}>{c.project.title}</Link>
                <Typography.Text type="secondary" className="ll-inno-small">
                  {c.project.unitName} · {labels.category(c.project.category)}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'applied',
            title: t('meetings.applied'),
            render: (_, c) => (
              <Flex vertical>
                <span>{labels.level(c.project.levelApplied)}</span>
                <Typography.Text type="secondary" className="ll-inno-small">
                  {t('meetings.budget', { amount: labels.money(c.project.budgetFen) })}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'recused',
            title: t('meetings.recused'),
            render: (_, c) =>
              c.recused.length === 0 ? (
                <Typography.Text type="secondary">{t('meetings.noRecusal')}</Typography.Text>
              ) : (
                <Flex wrap gap={4} data-testid={`recused-${c.project.id}`}>
                  {c.recused.map((r) => (
                    <Tooltip key={r.id} title={t(`meetings.recusalWhy.${r.reason}`)}>
                      <Tag color={r.reason === 'team' ? 'volcano' : 'gold'}>
                        {t('meetings.recusal', {
                          name: r.name,
                          reason: t(`meetings.recusalReason.${r.reason}`),
                        })}
                      </Tag>
                    </Tooltip>
                  ))}
                </Flex>
              ),
          },
          {
            key: 'decision',
            title: t('meetings.decision'),
            render: (_, c) =>
              c.decision ? (
                <Flex vertical gap={2}>
                  <span>
                    <Tag color={c.decision.outcome === 'approve' ? 'success' : 'error'}>
                      {t(`meetings.outcome.${c.decision.outcome}`)}
                    </Tag>
                  </span>
                  {c.decision.outcome === 'approve' && (
                    <span className="ll-inno-small">
                      {labels.level(c.decision.level)} · {labels.money(c.decision.fundingFen)}
                    </span>
                  )}
                  {c.decision.comment && <span className="ll-inno-small">{c.decision.comment}</span>}
                  <Typography.Text type="secondary" className="ll-inno-small">
                    {formatTimestamp(c.decision.decidedAt, labels.lang)}
                  </Typography.Text>
                </Flex>
              ) : (
                <StateTag state={c.project.state} />
              ),
          },
          {
            key: 'actions',
            title: '',
            // Offered only to a member of the meeting who is not recused from this project.
            render: (_, c) =>
              c.abilities.decide && (
                <Button
                  type="primary"
                  size="small"
                  onClick={() => setDeciding(c)}
                  data-testid={`decide-${c.project.id}`}
                >
                  {t('meetings.decide')}
                </Button>
              ),
          },
        ]}
      />
      {deciding && (
        <DecisionModal
          meeting={meeting}
          cycle={cycle}
          candidate={deciding}
          onClose={() => setDeciding(null)}
        />
      )}
    </Card>
  );
}

type DecisionValues = {
  outcome: 'approve' | 'decline';
  level?: string;
  fundingYuan?: number | null;
  comment?: string;
};

/** Approves a project with a level (which may differ from the one applied for) and funding, or declines it. */
function DecisionModal({
  meeting,
  cycle,
  candidate,
  onClose,
}: {
  meeting: TMeetingDetail;
  cycle: TCycle;
  candidate: TMeetingCandidate;
  onClose: () => void;
}) {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const labels = useInnovationLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const decide = useDecideProject(meeting.id);
  const reportError = useInnovationError();
  // The decision carries the project's version; the candidate list has none, so it is loaded.
  const project = useProject(candidate.project.id);
  const outcome = Form.useWatch('outcome', form) ?? 'approve';
  const level = Form.useWatch('level', form);
  const setting = cycle.levels.find((l) => l.level === level);
  const voters = meeting.members.length - candidate.recused.length;

  const onFinish = (v: DecisionValues) => {
    if (!project.data) return;
    decide.mutate(
      {
        projectId: candidate.project.id,
        outcome: v.outcome,
        ...(v.outcome === 'approve'
          ? { level: v.level as 'branch', fundingFen: yuanToFen(v.fundingYuan ?? 0) }
          : {}),
        comment: (v.comment ?? '').trim(),
        version: project.data.version,
      },
      {
        onSuccess: () => {
          void message.success(
            v.outcome === 'approve' ? t('meetings.approvedDone') : t('meetings.declinedDone'),
          );
          onClose();
        },
        onError: (err) => {
          reportError(err);
          onClose();
        },
      },
    );
  };

  const rangeRule = {
    validator: (_: unknown, value: number | null | undefined) => {
      if (value == null || !setting) return Promise.resolve();
      const fen = yuanToFen(value);
      if (
        (setting.minFundingFen != null && fen < setting.minFundingFen) ||
        (setting.maxFundingFen != null && fen > setting.maxFundingFen)
      )
        return Promise.reject(
          new Error(
            t('meetings.outOfRange', {
              min: setting.minFundingFen != null ? labels.money(setting.minFundingFen) : '—',
              max: setting.maxFundingFen != null ? labels.money(setting.maxFundingFen) : '—',
            }),
          ),
        );
      return Promise.resolve();
    },
  };

  return (
    <Modal
      open
      width={600}
      title={t('meetings.decideTitle', { title: candidate.project.title })}
      okText={outcome === 'approve' ? t('meetings.outcome.approve') : t('meetings.outcome.decline')}
      okButtonProps={
        { danger: outcome === 'decline', disabled: !project.data, 'data-testid': 'decision-ok' } as never
      }
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={decide.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Typography.Paragraph type="secondary">
        {t('meetings.voters', { count: voters, total: meeting.members.length })}
        {candidate.recused.length > 0 &&
          ` ${t('meetings.recusedList', {
            names: candidate.recused
              .map((r) =>
                t('meetings.recusal', { name: r.name, reason: t(`meetings.recusalReason.${r.reason}`) }),
              )
              .join(t('list.separator')),
          })}`}
      </Typography.Paragraph>
      {voters <= 0 && (
        <Alert type="error" showIcon title={t('problems.allRecused')} className="ll-inno-gap" />
      )}
      {project.isPending && <Spin />}
      <Form<DecisionValues>
        name="decision"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          outcome: 'approve',
          level: candidate.project.levelApplied,
          fundingYuan: fenToYuan(candidate.project.budgetFen),
          comment: '',
        }}
      >
        <Form.Item name="outcome" label={t('meetings.decision')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'approve', label: t('meetings.outcome.approve') },
              { value: 'decline', label: t('meetings.outcome.decline') },
            ]}
          />
        </Form.Item>
        {outcome === 'approve' && (
          <Flex gap={12} wrap>
            <Form.Item
              name="level"
              label={t('meetings.level')}
              className="ll-inno-grow"
              extra={
                level && level !== candidate.project.levelApplied
                  ? t('meetings.levelDiffers', { applied: labels.level(candidate.project.levelApplied) })
                  : undefined
              }
              rules={[{ required: true, message: t('form.levelRequired') }]}
            >
              <Select options={labels.levelOptions(cycle.levels.map((l) => l.level))} />
            </Form.Item>
            <Form.Item
              name="fundingYuan"
              label={t('meetings.funding')}
              className="ll-inno-grow"
              dependencies={['level']}
              extra={
                setting && (setting.minFundingFen != null || setting.maxFundingFen != null)
                  ? t('form.fundingRange', {
                      min: setting.minFundingFen != null ? labels.money(setting.minFundingFen) : '—',
                      max: setting.maxFundingFen != null ? labels.money(setting.maxFundingFen) : '—',
                    })
                  : undefined
              }
              rules={[{ required: true, message: t('meetings.fundingRequired') }, rangeRule]}
            >
              <InputNumber<number>
                min={0}
                precision={2}
                step={1000}
                suffix={t('form.yuan')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Flex>
        )}
        <Form.Item
          name="comment"
          label={t('meetings.comment')}
          rules={[{ max: 2000, message: t('form.tooLong', { max: 2000 }) }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
