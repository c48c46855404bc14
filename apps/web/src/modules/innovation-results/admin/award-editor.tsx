import { SaveOutlined, SoundOutlined } from '@ant-design/icons';
import {
  AWARD_TIERS,
  INNOVATION_LEVELS,
  type TAwardTier,
  type TCycle,
  type TProjectSummary,
} from '@lifeline/shared';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../api/me';
import { errorMessage } from '../../../i18n/error-message';
import { fromDayjs, today } from '../../admin-kit/dates';
import { useLabels } from '../../admin-kit/labels';
import { useReportError } from '../../admin-kit/use-report-error';
import { formatScore } from '../../innovation-reviews/rubric';
import {
  RESULTS_KEY,
  type TAwardsView,
  useCompletedProjects,
  useEvaluationBoard,
  usePublishAwards,
  useSetAwards,
} from '../api';
import { formatYuan } from '../money';

type Row = TProjectSummary & { score: number | null; rank: number | null };

/**
 * The secretariat's proposal: a tier (or none) for each completed project, with the reviewers'
 * mean score and rank to go by; amounts come from the cycle's tiers and the total is shown as
 * it changes. Saved as a draft, then published for the publicity period.
 */
export function AwardEditor({ view, cycle }: { view: TAwardsView; cycle: TCycle }) {
  const { t } = useTranslation(['innovation-results', 'admin-kit', 'errors']);
  const labels = useLabels();
  const { message } = App.useApp();
  const canReview = useMe().data?.permissions.includes('innovation.review') ?? false;
  const completed = useCompletedProjects(cycle.id);
  const board = useEvaluationBoard(cycle.id, canReview);
  const save = useSetAwards(cycle.id);
  const reportError = useReportError([[...RESULTS_KEY]]);
  const initial = useMemo(() => new Map(view.awards.map((a) => [a.projectId, a.tier])), [view.awards]);
  const [picks, setPicks] = useState<Map<number, TAwardTier>>(initial);
  const [publishing, setPublishing] = useState(false);
  const none = t('admin-kit:none');

  const tiers = new Map(cycle.awardTiers.map((x) => [x.tier, x]));
  const dirty = picks.size !== initial.size || [...picks].some(([id, tier]) => initial.get(id) !== tier);
  const totalFen = [...picks.values()].reduce((s, tier) => s + (tiers.get(tier)?.amountFen ?? 0), 0);
  const used = (tier: TAwardTier) => [...picks.values()].filter((x) => x === tier).length;
  const over = cycle.awardTiers.filter((x) => x.count !== null && used(x.tier) > x.count);

  const rows: Row[] = useMemo(() => {
    const scores = new Map((board.data?.projects ?? []).map((p) => [p.projectId, p]));
    return (completed.data?.items ?? [])
      .map((p) => ({ ...p, score: scores.get(p.id)?.mean ?? null, rank: scores.get(p.id)?.rankRaw ?? null }))
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.code.localeCompare(b.code));
  }, [completed.data, board.data]);

  const tierLabel = (tier: TAwardTier) => labels.label(AWARD_TIERS, tier);
  const options = cycle.awardTiers.map((x) => ({
    value: x.tier,
    label: `${tierLabel(x.tier)} · ${formatYuan(x.amountFen, labels.lang)}`,
  }));

  const onSave = () =>
    save.mutate(
      { awards: [...picks].map(([projectId, tier]) => ({ projectId, tier })), version: view.version },
      { onSuccess: () => void message.success(t('awards.saved')), onError: reportError },
    );

  const columns: TableColumnsType<Row> = [
    {
      key: 'project',
      title: t('fields.project'),
      render: (_, p) => (
        <Flex vertical style={{ minWidth: 200, maxWidth: 340 }}>
          <Link to={`/innovation/projects/${p.id}`}>{p.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.code} · {p.unitName} · {p.leader.name}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'level',
      title: t('fields.level'),
      render: (_, p) => labels.label(INNOVATION_LEVELS, p.levelApproved) || none,
    },
    {
      key: 'score',
      title: t('awards.score'),
      align: 'right',
      render: (_, p) => formatScore(p.score, labels.lang) || none,
    },
    {
      key: 'rank',
      title: t('awards.rankInLevel'),
      align: 'right',
      render: (_, p) => p.rank ?? none,
    },
    {
      key: 'tier',
      title: t('awards.tier'),
      render: (_, p) => (
        <Select<TAwardTier>
          allowClear
          size="small"
          style={{ width: 190 }}
          placeholder={t('awards.noAward')}
          value={picks.get(p.id)}
          options={options}
          aria-label={t('awards.tierFor', { title: p.title })}
          onChange={(tier) =>
            setPicks((old) => {
              const next = new Map(old);
              if (tier) next.set(p.id, tier);
              else next.delete(p.id);
              return next;
            })
          }
        />
      ),
    },
    {
      key: 'amount',
      title: t('awards.amount'),
      align: 'right',
      render: (_, p) => {
        const tier = picks.get(p.id);
        return tier ? formatYuan(tiers.get(tier)?.amountFen ?? 0, labels.lang) : none;
      },
    },
  ];

  return (
    <Card
      size="small"
      title={t('awards.editorTitle')}
      extra={
        <Flex gap="small" wrap>
          <Button
            icon={<SaveOutlined />}
            type={dirty ? 'primary' : 'default'}
            disabled={!dirty || over.length > 0}
            loading={save.isPending}
            onClick={onSave}
          >
            {t('awards.save')}
          </Button>
          <Button
            icon={<SoundOutlined />}
            disabled={dirty || view.stage !== 'draft' || view.awards.length === 0}
            onClick={() => setPublishing(true)}
            title={dirty ? t('awards.saveFirst') : undefined}
          >
            {t('awards.publish')}
          </Button>
        </Flex>
      }
    >
      {cycle.awardTiers.length === 0 ? (
        <Alert type="warning" showIcon title={t('awards.noTiers')} style={{ marginBottom: 12 }} />
      ) : (
        <Flex wrap gap="small" align="center" style={{ marginBottom: 12 }}>
          {cycle.awardTiers.map((x) => (
            <Tag key={x.tier} color={x.count !== null && used(x.tier) > x.count ? 'red' : undefined}>
              {x.count === null
                ? t('awards.tierUsage', {
                    tier: tierLabel(x.tier),
                    used: used(x.tier),
                    amount: formatYuan(x.amountFen, labels.lang),
                  })
                : t('awards.tierUsageOf', {
                    tier: tierLabel(x.tier),
                    used: used(x.tier),
                    max: x.count,
                    amount: formatYuan(x.amountFen, labels.lang),
                  })}
            </Tag>
          ))}
          <Typography.Text strong style={{ marginInlineStart: 'auto' }} data-testid="awards-live-total">
            {t('awards.liveTotal', { count: picks.size, total: formatYuan(totalFen, labels.lang) })}
          </Typography.Text>
        </Flex>
      )}
      {over.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('awards.overLimit', {
            tiers: over.map((x) => tierLabel(x.tier)).join(t('awards.listSeparator')),
          })}
        />
      )}
      {dirty && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('awards.unsaved')} />}
      {completed.isError && <Alert type="error" showIcon title={errorMessage(t, completed.error)} />}
      <Table<Row>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={completed.isPending}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('awards.noCompleted') }}
        rowClassName={(p) => (picks.has(p.id) ? 'll-row-picked' : '')}
      />
      {publishing && <PublishModal view={view} onClose={() => setPublishing(false)} />}
    </Card>
  );
}

/** Starts the publicity period: its last day, today or later. */
function PublishModal({ view, onClose }: { view: TAwardsView; onClose: () => void }) {
  const { t } = useTranslation(['innovation-results', 'admin-kit']);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ endsOn: Dayjs }>();
  const publish = usePublishAwards(view.cycleId);
  const reportError = useReportError([[...RESULTS_KEY]]);
  const onFinish = ({ endsOn }: { endsOn: Dayjs }) =>
    publish.mutate(
      { publicityEndsOn: fromDayjs(endsOn) ?? '', version: view.version },
      {
        onSuccess: () => {
          void message.success(t('awards.published'));
          onClose();
        },
        onError: reportError,
      },
    );
  return (
    <Modal
      open
      title={t('awards.publishTitle')}
      okText={t('awards.publish')}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={publish.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('awards.publishBody', { count: view.awards.length })}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ endsOn: today().add(7, 'day') }}
      >
        <Form.Item
          name="endsOn"
          label={t('awards.publicityEndsOn')}
          extra={t('awards.publicityHint')}
          rules={[{ required: true, message: t('awards.publicityRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(today(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
