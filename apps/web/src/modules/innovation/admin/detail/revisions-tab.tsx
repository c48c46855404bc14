import type { TProject } from '@lifeline/shared';
import { Alert, Collapse, Empty, Spin, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../i18n/error-message';
import { formatTimestamp } from '../../../admin-kit/dates';
import { type TProjectRevision, useRevisions } from '../../api';
import { usePeopleNames } from '../../components/people-names';
import { formatDay, useInnovationLabels } from '../../format';

type Milestone = { title?: string; dueOn?: string; deliverable?: string };
type Row = { field: string; before: unknown; after: unknown };

/** The order the declaration form shows its fields in; unknown fields go last. */
const FIELD_ORDER = [
  'title',
  'category',
  'levelApplied',
  'budgetFen',
  'leaderId',
  'teamIds',
  'objectives',
  'plan',
  'milestones',
];
const fieldOrder = (f: string) => (FIELD_ORDER.includes(f) ? FIELD_ORDER.indexOf(f) : FIELD_ORDER.length);

/** The ids of people named in the revisions' changes (leader and team), to look their names up. */
function personIds(revisions: TProjectRevision[]): number[] {
  const ids: number[] = [];
  for (const r of revisions) {
    for (const [field, c] of Object.entries(r.changes)) {
      if (field !== 'leaderId' && field !== 'teamIds') continue;
      for (const v of [c.before, c.after]) {
        if (typeof v === 'number') ids.push(v);
        if (Array.isArray(v)) for (const x of v) if (typeof x === 'number') ids.push(x);
      }
    }
  }
  return ids;
}

/**
 * Every submitted version of the declaration and, from the second one on, what changed since
 * the one before (the server computes the changes; this shows them in words).
 */
export function RevisionsTab({ project }: { project: TProject }) {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const labels = useInnovationLabels();
  const revisions = useRevisions(project.id);
  const nameOf = usePeopleNames(personIds(revisions.data ?? []), [project.leader, ...project.team]);

  if (revisions.isError) return <Alert type="error" showIcon title={errorMessage(t, revisions.error)} />;
  if (revisions.isPending) return <Spin />;
  if (revisions.data.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('revisions.none')} />;

  const none = t('admin-kit:none');
  const value = (field: string, v: unknown): ReactNode => {
    if (v === null || v === undefined || v === '') return none;
    switch (field) {
      case 'category':
        return labels.category(String(v));
      case 'levelApplied':
        return labels.level(String(v));
      case 'budgetFen':
        return labels.money(Number(v));
      case 'leaderId':
        return nameOf(Number(v));
      case 'teamIds':
        return Array.isArray(v) && v.length
          ? v.map((id) => nameOf(Number(id))).join(t('list.separator'))
          : none;
      case 'milestones':
        return Array.isArray(v) && v.length ? (
          <ol className="ll-inno-diff-list">
            {(v as Milestone[]).map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a snapshot's milestones have no ids.
              <li key={i}>
                {t('revisions.milestone', {
                  title: m.title ?? '',
                  due: formatDay(m.dueOn, labels.lang),
                  deliverable: m.deliverable || none,
                })}
              </li>
            ))}
          </ol>
        ) : (
          none
        );
      default:
        return (
          <Typography.Paragraph ellipsis={{ rows: 4, expandable: true }} className="ll-inno-cell-text">
            {String(v)}
          </Typography.Paragraph>
        );
    }
  };

  const items = [...revisions.data].reverse().map((r) => {
    const rows: Row[] = Object.entries(r.changes)
      .map(([field, c]) => ({ field, ...c }))
      .sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
    return {
      key: String(r.revision),
      label: (
        <span>
          <Typography.Text strong>{t('revisions.title', { n: r.revision })}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            {t('revisions.by', {
              at: formatTimestamp(r.submittedAt, labels.lang),
              name: r.submittedBy ?? t('detail.system'),
            })}
          </Typography.Text>
          {r.revision > 1 && (
            <Typography.Text type="secondary">
              {' · '}
              {rows.length ? t('revisions.changed', { count: rows.length }) : t('revisions.unchanged')}
            </Typography.Text>
          )}
        </span>
      ),
      children:
        r.revision === 1 ? (
          <Typography.Text type="secondary">{t('revisions.first')}</Typography.Text>
        ) : rows.length === 0 ? (
          <Typography.Text type="secondary">{t('revisions.noDiff')}</Typography.Text>
        ) : (
          <Table<Row>
            rowKey="field"
            size="small"
            pagination={false}
            dataSource={rows}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                key: 'field',
                title: t('revisions.field'),
                width: 120,
                render: (_, row) => t(`revisions.fields.${row.field}`, { defaultValue: row.field }),
              },
              {
                key: 'before',
                title: t('revisions.before', { n: r.revision - 1 }),
                render: (_, row) => <div className="ll-inno-diff-before">{value(row.field, row.before)}</div>,
              },
              {
                key: 'after',
                title: t('revisions.after', { n: r.revision }),
                render: (_, row) => <div className="ll-inno-diff-after">{value(row.field, row.after)}</div>,
              },
            ]}
          />
        ),
    };
  });
  return (
    <Collapse items={items} defaultActiveKey={items.slice(0, 1).map((i) => i.key)} data-testid="revisions" />
  );
}
