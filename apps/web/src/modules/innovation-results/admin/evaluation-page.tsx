import { ArrowDownOutlined, ArrowUpOutlined, UsergroupAddOutlined, WarningOutlined } from '@ant-design/icons';
import { INNOVATION_LEVELS, type TCycle, type TProjectScore } from '@lifeline/shared';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Result,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../../api/me';
import { errorMessage } from '../../../i18n/error-message';
import { useLabels } from '../../admin-kit/labels';
import { formatScore } from '../../innovation-reviews/rubric';
import { useEvaluationBoard } from '../api';
import { AssignReviewersModal } from './assign-reviewers-modal';
import { ResultsFrame, useCurrentCycle } from './results-frame';

/** The evaluation board of a cycle (the review permission only; others get a clear notice). */
export function EvaluationPage() {
  const { t } = useTranslation(['innovation-results']);
  const navigate = useNavigate();
  const { cycle } = useCurrentCycle();
  const canReview = useMe().data?.permissions.includes('innovation.review') ?? false;
  return (
    <ResultsFrame section="evaluation">
      {!canReview ? (
        <Result
          status="403"
          title={t('evaluation.forbiddenTitle')}
          subTitle={t('evaluation.forbidden')}
          extra={
            cycle && (
              <Button
                type="primary"
                onClick={() => navigate(`/innovation-results/cycles/${cycle.id}/awards`)}
              >
                {t('evaluation.toAwards')}
              </Button>
            )
          }
        />
      ) : (
        cycle && <Board cycle={cycle} />
      )}
    </ResultsFrame>
  );
}

/** A rank by the normalised score beside the raw one: how far normalisation moved the project. */
function RankChange({ raw, normalized }: { raw: number | null; normalized: number | null }) {
  const { t } = useTranslation('innovation-results');
  if (normalized === null) return <span>{t('admin-kit:none')}</span>;
  const delta = raw === null ? 0 : raw - normalized;
  return (
    <Flex align="center" gap={6} justify="flex-end">
      <strong>{normalized}</strong>
      {delta > 0 && (
        <Tag color="green" icon={<ArrowUpOutlined />} style={{ marginInlineEnd: 0 }}>
          {delta}
        </Tag>
      )}
      {delta < 0 && (
        <Tag color="orange" icon={<ArrowDownOutlined />} style={{ marginInlineEnd: 0 }}>
          {-delta}
        </Tag>
      )}
    </Flex>
  );
}

function Board({ cycle }: { cycle: TCycle }) {
  const { t } = useTranslation(['innovation-results', 'admin-kit', 'errors']);
  const labels = useLabels();
  const board = useEvaluationBoard(cycle.id);
  const [assigning, setAssigning] = useState<TProjectScore | null>(null);
  const none = t('admin-kit:none');
  const fmt = (x: number | null | undefined) => formatScore(x, labels.lang) || none;

  if (board.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={t('evaluation.loadFailed', { reason: errorMessage(t, board.error) })}
      />
    );
  const projects = board.data?.projects ?? [];
  const scored = projects.filter((p) => p.submitted > 0);
  const disagreements = projects.filter((p) => p.disagreement).length;
  const moved = projects.filter((p) => p.rankRaw !== null && p.rankRaw !== p.rankNormalized).length;
  const submitted = projects.reduce((s, p) => s + p.submitted, 0);
  const assigned = projects.reduce((s, p) => s + p.reviewers, 0);

  const columns: TableColumnsType<TProjectScore> = [
    {
      key: 'rankRaw',
      title: t('evaluation.rankRaw'),
      align: 'right',
      width: 72,
      render: (_, p) => p.rankRaw ?? none,
    },
    {
      key: 'rankNormalized',
      title: (
        <Tooltip title={t('evaluation.rankNormalizedHint')}>
          <span>{t('evaluation.rankNormalized')}</span>
        </Tooltip>
      ),
      align: 'right',
      width: 110,
      render: (_, p) => <RankChange raw={p.rankRaw} normalized={p.rankNormalized} />,
    },
    {
      key: 'project',
      title: t('fields.project'),
      render: (_, p) => (
        <Flex vertical style={{ minWidth: 200, maxWidth: 320 }}>
          <Link to={`/innovation/projects/${p.projectId}`}>{p.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.code} · {p.unitName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'reviews',
      title: t('evaluation.reviews'),
      align: 'center',
      render: (_, p) =>
        p.reviewers === 0 ? (
          <Tag color="red">{t('evaluation.noReviewers')}</Tag>
        ) : (
          <Tooltip title={t('evaluation.reviewsHint', { submitted: p.submitted, assigned: p.reviewers })}>
            <Tag color={p.submitted === p.reviewers ? 'green' : 'gold'}>
              {p.submitted}/{p.reviewers}
            </Tag>
          </Tooltip>
        ),
    },
    {
      key: 'mean',
      title: t('evaluation.mean'),
      align: 'right',
      render: (_, p) => <strong>{fmt(p.mean)}</strong>,
    },
    { key: 'median', title: t('evaluation.median'), align: 'right', render: (_, p) => fmt(p.median) },
    {
      key: 'spread',
      title: t('evaluation.spread'),
      align: 'right',
      render: (_, p) =>
        p.disagreement ? (
          <Tooltip title={t('evaluation.disagreementHint', { limit: board.data?.disagreementSpread })}>
            <Tag
              color="red"
              icon={<WarningOutlined />}
              style={{ marginInlineEnd: 0 }}
              data-testid="disagreement"
            >
              {fmt(p.spread)}
            </Tag>
          </Tooltip>
        ) : (
          fmt(p.spread)
        ),
    },
    {
      key: 'normalized',
      title: (
        <Tooltip title={t('evaluation.normalizedHint')}>
          <span>{t('evaluation.normalized')}</span>
        </Tooltip>
      ),
      align: 'right',
      render: (_, p) =>
        p.normalized === null ? none : (p.normalized > 0 ? '+' : '') + p.normalized.toFixed(3),
    },
    ...cycle.rubric.map((d) => ({
      key: `dim-${d.key}`,
      title: labels.lang === 'en' ? d.nameEn : d.nameZh,
      align: 'right' as const,
      render: (_: unknown, p: TProjectScore) => fmt(p.byDimension[d.key]),
    })),
    {
      key: 'action',
      title: t('fields.action'),
      fixed: 'right',
      render: (_, p) => (
        <Button size="small" icon={<UsergroupAddOutlined />} onClick={() => setAssigning(p)}>
          {t('evaluation.assign')}
        </Button>
      ),
    },
  ];

  const levels = [...INNOVATION_LEVELS.map((l) => l.code as string | null), null].filter((l) =>
    projects.some((p) => p.level === l),
  );

  return (
    <Flex vertical gap="middle">
      <Card size="small">
        <Flex wrap gap="large" justify="space-between">
          <Statistic title={t('evaluation.completed')} value={projects.length} />
          <Statistic title={t('evaluation.scored')} value={scored.length} suffix={`/ ${projects.length}`} />
          <Statistic title={t('evaluation.submittedReviews')} value={submitted} suffix={`/ ${assigned}`} />
          <Statistic
            title={t('evaluation.disagreements')}
            value={disagreements}
            styles={{ content: disagreements ? { color: '#cf1322' } : undefined }}
          />
          <Statistic title={t('evaluation.moved')} value={moved} />
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
          {t('evaluation.explain', { limit: board.data?.disagreementSpread ?? cycle.disagreementSpread })}
        </Typography.Paragraph>
      </Card>
      {board.isPending ? (
        <Card loading />
      ) : projects.length === 0 ? (
        <Card>
          <Empty description={t('evaluation.empty')} />
        </Card>
      ) : (
        levels.map((level) => {
          const rows = projects.filter((p) => p.level === level);
          return (
            <Card
              key={level ?? 'none'}
              size="small"
              title={t('evaluation.levelTitle', {
                level: labels.label(INNOVATION_LEVELS, level) || t('evaluation.noLevel'),
                count: rows.length,
              })}
              styles={{ body: { padding: 0 } }}
            >
              <Table<TProjectScore>
                rowKey="projectId"
                size="small"
                columns={columns}
                dataSource={rows}
                pagination={false}
                scroll={{ x: 'max-content' }}
                rowClassName={(p) =>
                  p.rankRaw !== null && p.rankNormalized !== null && p.rankRaw !== p.rankNormalized
                    ? 'll-rank-moved'
                    : ''
                }
              />
            </Card>
          );
        })
      )}
      {assigning && (
        <AssignReviewersModal cycleId={cycle.id} project={assigning} onClose={() => setAssigning(null)} />
      )}
    </Flex>
  );
}
