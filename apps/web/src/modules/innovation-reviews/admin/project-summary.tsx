import { PaperClipOutlined } from '@ant-design/icons';
import { INNOVATION_CATEGORIES, INNOVATION_LEVELS, type TProject } from '@lifeline/shared';
import { App, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../api/me';
import { errorMessage } from '../../../i18n/error-message';
import { downloadFile } from '../../admin-kit/files';
import { useLabels } from '../../admin-kit/labels';
import { type TMyReview, useReviewedProject } from '../api';

/** A long text of the declaration, folded after a few lines. */
function LongText({ text }: { text: string }) {
  const { t } = useTranslation('admin-kit');
  return (
    <Typography.Paragraph
      style={{ margin: 0, whiteSpace: 'pre-wrap' }}
      ellipsis={{ rows: 4, expandable: 'collapsible' }}
    >
      {text || t('none')}
    </Typography.Paragraph>
  );
}

/**
 * What the reviewer scores: the project's declaration, its results (the completion statement),
 * milestones and attachments. The assignment itself carries only the headline, which is shown
 * while the project loads or if it cannot be read.
 */
export function ProjectSummary({ review: r }: { review: TMyReview }) {
  const { t } = useTranslation(['innovation-reviews', 'admin-kit', 'errors']);
  const labels = useLabels();
  const { message } = App.useApp();
  const canRead = useMe().data?.permissions.includes('innovation.read') ?? false;
  const project = useReviewedProject(r.projectId);
  const p: TProject | undefined = project.data;
  const none = t('admin-kit:none');
  const completion = p?.events.filter((e) => e.action === 'complete' && e.comment).at(-1)?.comment;

  const download = async (fileId: string, name: string) => {
    try {
      await downloadFile(`/api/innovation/projects/${r.projectId}/attachments/${fileId}`, name);
    } catch (err) {
      void message.error(t('admin-kit:downloadFailed', { reason: errorMessage(t, err) }));
    }
  };

  return (
    <Card
      title={t('score.project')}
      size="small"
      loading={project.isPending}
      extra={
        canRead ? <Link to={`/innovation/projects/${r.projectId}`}>{t('score.openProject')}</Link> : null
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'title',
            label: t('fields.title'),
            children: <span data-testid="review-project-title">{r.projectTitle}</span>,
          },
          { key: 'code', label: t('fields.code'), children: r.projectCode },
          { key: 'unit', label: t('fields.unit'), children: r.unitName },
          {
            key: 'level',
            label: t('fields.level'),
            children: labels.label(INNOVATION_LEVELS, r.level) || none,
          },
          { key: 'cycle', label: t('fields.cycle'), children: r.cycleName },
          ...(p
            ? [
                {
                  key: 'category',
                  label: t('fields.category'),
                  children: labels.label(INNOVATION_CATEGORIES, p.category),
                },
                { key: 'leader', label: t('fields.leader'), children: p.leader.name },
                {
                  key: 'team',
                  label: t('fields.team'),
                  children: p.team.length ? p.team.map((m) => m.name).join(t('score.separator')) : none,
                },
              ]
            : []),
        ]}
      />
      {p && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginTop: 12 }}
          styles={{ label: { width: 120, verticalAlign: 'top' } }}
          items={[
            { key: 'objectives', label: t('fields.objectives'), children: <LongText text={p.objectives} /> },
            { key: 'plan', label: t('fields.plan'), children: <LongText text={p.plan} /> },
            ...(completion
              ? [{ key: 'results', label: t('fields.results'), children: <LongText text={completion} /> }]
              : []),
            ...(p.milestones.length
              ? [
                  {
                    key: 'milestones',
                    label: t('fields.milestones'),
                    children: (
                      <Table
                        rowKey="id"
                        size="small"
                        pagination={false}
                        dataSource={p.milestones}
                        scroll={{ x: 'max-content' }}
                        columns={[
                          { key: 'title', dataIndex: 'title', title: t('milestones.title') },
                          { key: 'dueOn', dataIndex: 'dueOn', title: t('milestones.dueOn') },
                          {
                            key: 'deliverable',
                            title: t('milestones.deliverable'),
                            render: (_, m) => m.deliverable || none,
                          },
                          {
                            key: 'done',
                            title: t('milestones.done'),
                            render: (_, m) =>
                              m.doneOn ? (
                                <Tag color="green">{t('milestones.doneOn', { date: m.doneOn })}</Tag>
                              ) : (
                                <Tag>{t('milestones.open')}</Tag>
                              ),
                          },
                        ]}
                      />
                    ),
                  },
                ]
              : []),
            ...(p.attachments.length
              ? [
                  {
                    key: 'attachments',
                    label: t('fields.attachments'),
                    children: (
                      <Flex vertical align="flex-start">
                        {p.attachments.map((a) => (
                          <Button
                            key={a.id}
                            type="link"
                            size="small"
                            icon={<PaperClipOutlined />}
                            onClick={() => void download(a.id, a.name)}
                          >
                            {a.name}
                          </Button>
                        ))}
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
