import { RECOMMENDATIONS, type TRubricDimension } from '@lifeline/shared';
import {
  Card,
  Descriptions,
  Empty,
  Flex,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../../admin-kit/dates';
import { useLabels } from '../../admin-kit/labels';
import type { TMyReview, TOtherReview } from '../api';
import { dimensionName, formatScore, weightShare } from '../rubric';

const RECOMMENDATION_COLORS: Record<string, string> = {
  strongly_recommend: 'green',
  recommend: 'cyan',
  neutral: 'default',
  not_recommend: 'red',
};

/**
 * A submitted review, read-only, and the other reviewers' submitted reviews of the same project
 * (the server sends these only now), with the spread of all totals so far.
 */
export function SubmittedReview({ review: r, rubric }: { review: TMyReview; rubric: TRubricDimension[] }) {
  const { t } = useTranslation(['innovation-reviews', 'admin-kit']);
  const labels = useLabels();
  const none = t('admin-kit:none');
  const others = r.others ?? [];
  const totals = [r.total, ...others.map((o) => o.total)].filter((x): x is number => x !== null);
  const mean = totals.length ? totals.reduce((a, b) => a + b, 0) / totals.length : null;
  const spread = totals.length > 1 ? Math.max(...totals) - Math.min(...totals) : null;
  const recommendation = (code: string | null) =>
    code ? <Tag color={RECOMMENDATION_COLORS[code]}>{labels.label(RECOMMENDATIONS, code)}</Tag> : none;

  const rows = rubric.map((d) => ({ d, score: r.scores[d.key], comment: r.comments[d.key] }));

  const columns: TableColumnsType<TOtherReview> = [
    {
      key: 'reviewer',
      title: t('fields.reviewer'),
      fixed: 'left',
      render: (_, o) => o.reviewer.name,
    },
    ...rubric.map((d) => ({
      key: d.key,
      title: dimensionName(d, labels.lang),
      align: 'right' as const,
      render: (_: unknown, o: TOtherReview) => formatScore(o.scores[d.key], labels.lang) || none,
    })),
    {
      key: 'total',
      title: t('fields.total'),
      align: 'right',
      render: (_, o) => <strong>{formatScore(o.total, labels.lang) || none}</strong>,
    },
    {
      key: 'recommendation',
      title: t('fields.recommendation'),
      render: (_, o) => recommendation(o.recommendation),
    },
    {
      key: 'overallComment',
      title: t('fields.overallComment'),
      render: (_, o) => (
        <Typography.Paragraph style={{ margin: 0, maxWidth: 360 }} ellipsis={{ rows: 3, expandable: true }}>
          {o.overallComment || none}
        </Typography.Paragraph>
      ),
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Card size="small" title={t('submitted.mine')}>
        <Flex wrap gap="large" style={{ marginBottom: 12 }}>
          <Statistic title={t('fields.total')} value={formatScore(r.total, labels.lang) || none} />
          <div>
            <Typography.Text type="secondary">{t('fields.recommendation')}</Typography.Text>
            <div style={{ marginTop: 6 }}>{recommendation(r.recommendation)}</div>
          </div>
          <div>
            <Typography.Text type="secondary">{t('fields.submittedAt')}</Typography.Text>
            <div style={{ marginTop: 6 }}>{formatTimestamp(r.submittedAt, labels.lang) || none}</div>
          </div>
        </Flex>
        <Table
          rowKey={(x) => x.d.key}
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'name', title: t('fields.dimension'), render: (_, x) => dimensionName(x.d, labels.lang) },
            {
              key: 'weight',
              title: t('fields.weight'),
              align: 'right',
              render: (_, x) => `${weightShare(rubric, x.d)}%`,
            },
            {
              key: 'score',
              title: t('fields.score'),
              align: 'right',
              render: (_, x) => formatScore(x.score, labels.lang) || none,
            },
            { key: 'comment', title: t('fields.comment'), render: (_, x) => x.comment || none },
          ]}
        />
        {r.overallComment && (
          <Descriptions
            size="small"
            style={{ marginTop: 12 }}
            column={1}
            items={[{ key: 'overall', label: t('fields.overallComment'), children: r.overallComment }]}
          />
        )}
      </Card>

      <Card
        size="small"
        title={t('submitted.others', { count: others.length })}
        data-testid="other-reviews"
        extra={
          mean !== null && totals.length > 1 ? (
            <Typography.Text type="secondary">
              {t('submitted.spread', {
                mean: formatScore(Math.round(mean * 100) / 100, labels.lang),
                spread: formatScore(spread, labels.lang),
              })}
            </Typography.Text>
          ) : null
        }
      >
        {others.length === 0 ? (
          <Empty description={t('submitted.noOthers')} />
        ) : (
          <Table<TOtherReview>
            rowKey="id"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={others}
            scroll={{ x: 'max-content' }}
            expandable={{
              rowExpandable: (o) => Object.values(o.comments).some((c) => c),
              expandedRowRender: (o) => (
                <Descriptions
                  size="small"
                  column={1}
                  items={rubric
                    .filter((d) => o.comments[d.key])
                    .map((d) => ({
                      key: d.key,
                      label: dimensionName(d, labels.lang),
                      children: o.comments[d.key],
                    }))}
                />
              ),
            }}
          />
        )}
      </Card>
    </Flex>
  );
}
