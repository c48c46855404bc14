import { EditOutlined, FileSearchOutlined, FormOutlined, SwapOutlined } from '@ant-design/icons';
import { offeredProjectActions, type TProject } from '@lifeline/shared';
import { Alert, Badge, Button, Card, Col, Descriptions, Flex, Result, Row, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageLoading } from '../../../app/pages/page-loading';
import { errorMessage } from '../../../i18n/error-message';
import { formatTimestamp } from '../../admin-kit/dates';
import { PageHeader, PrintButton } from '../../admin-kit/page-header';
import { idParam } from '../../admin-kit/url-filters';
import { useCycles, useProject, useProjectChanges } from '../api';
import { BackButton } from '../components/back-button';
import { ChangeRequestsTable, RequestChangeModal } from '../components/change-requests';
import { StateTag } from '../components/state-tag';
import { useInnovationLabels } from '../format';
import { AttachmentsCard } from './detail/attachments-card';
import { ProgressModal, ProgressTab } from './detail/progress-tab';
import { ProjectActions } from './detail/project-actions';
import { RevisionsTab } from './detail/revisions-tab';
import { HistoryCard, MilestonesCard, TeamCard } from './detail/sections';
import { SupervisionModal, SupervisionTab } from './detail/supervision-tab';

/** States whose last step's text (why it was returned, refused …) the applicant must see first. */
const EXPLAINED: Record<string, 'warning' | 'error' | 'info'> = {
  returned: 'warning',
  rejected: 'error',
  declined: 'error',
  terminated: 'error',
  suspended: 'warning',
  late_requested: 'info',
};

/**
 * One project: every field, milestones, team, attachments, its history and revisions, progress,
 * change requests and (for the secretariat) supervision notes, with the buttons for exactly the
 * actions the server offers me now.
 */
export function ProjectDetailPage() {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors', 'common']);
  const navigate = useNavigate();
  const id = idParam(useParams().id);
  const project = useProject(id);
  const [modal, setModal] = useState<'progress' | 'change' | 'note' | null>(null);
  const labels = useInnovationLabels();

  if (id === undefined || project.isError)
    return (
      <Result
        status="404"
        title={t('detail.notFound')}
        subTitle={project.isError ? errorMessage(t, project.error) : undefined}
        extra={<Button onClick={() => navigate('/innovation')}>{t('form.backToList')}</Button>}
      />
    );
  if (!project.data) return <PageLoading />;
  const p = project.data;
  const explained = EXPLAINED[p.state];
  const lastWord = explained
    ? [...p.events].reverse().find((e) => e.toState === p.state && e.comment)
    : undefined;

  return (
    <>
      <PageHeader
        title={
          <Flex gap="small" align="center" wrap>
            <span data-testid="project-title">{p.title}</span>
            <span data-testid="project-state">
              <StateTag state={p.state} late={p.late} />
            </span>
          </Flex>
        }
        extra={
          <>
            <BackButton to={`/innovation?cycle=${p.cycleId}`} />
            {p.abilities.edit && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/innovation/projects/${p.id}/edit`)}>
                {t('detail.edit')}
              </Button>
            )}
            {p.abilities.report && (
              <Button icon={<FormOutlined />} onClick={() => setModal('progress')}>
                {t('progress.report')}
              </Button>
            )}
            {p.abilities.requestChange && (
              <Button icon={<SwapOutlined />} onClick={() => setModal('change')}>
                {t('changes.requestTitle')}
              </Button>
            )}
            {p.abilities.supervise && (
              <Button icon={<FileSearchOutlined />} onClick={() => setModal('note')}>
                {t('supervision.add')}
              </Button>
            )}
            <ProjectActions project={p} />
            <PrintButton />
          </>
        }
      />
      {lastWord && (
        <Alert
          className="ll-inno-gap"
          showIcon
          type={explained}
          data-testid="last-word"
          title={t('detail.lastWord', {
            action: labels.event(lastWord.action),
            name: lastWord.actorName ?? t('detail.system'),
          })}
          description={<span className="ll-inno-pre">{lastWord.comment}</span>}
        />
      )}
      {p.abilities.edit && offeredProjectActions(p.abilities).length === 0 && (
        <Alert className="ll-inno-gap" showIcon type="info" title={t('detail.noActionsYet')} />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <OverviewCard project={p} />
          <Card title={t('detail.content')} className="ll-inno-gap">
            <Typography.Title level={5} className="ll-inno-first-title">
              {t('fields.objectives')}
            </Typography.Title>
            <div className="ll-inno-pre ll-inno-block">{p.objectives || t('admin-kit:none')}</div>
            <Typography.Title level={5}>{t('fields.plan')}</Typography.Title>
            <div className="ll-inno-pre">{p.plan || t('admin-kit:none')}</div>
          </Card>
          <MilestonesCard project={p} />
          <AttachmentsCard project={p} />
        </Col>
        <Col xs={24} lg={8}>
          <TeamCard project={p} />
          <HistoryCard project={p} />
        </Col>
      </Row>
      <DetailTabs project={p} />
      <ProgressModal project={p} open={modal === 'progress'} onClose={() => setModal(null)} />
      <RequestChangeModalForProject project={p} open={modal === 'change'} onClose={() => setModal(null)} />
      <SupervisionModal project={p} open={modal === 'note'} onClose={() => setModal(null)} />
    </>
  );
}

function RequestChangeModalForProject(props: { project: TProject; open: boolean; onClose: () => void }) {
  const cycle = useCycles().data?.find((c) => c.id === props.project.cycleId);
  return <RequestChangeModal {...props} cycle={cycle} />;
}

function OverviewCard({ project: p }: { project: TProject }) {
  const { t } = useTranslation(['innovation', 'admin-kit']);
  const labels = useInnovationLabels();
  const none = t('admin-kit:none');
  return (
    <Card title={t('detail.overview')} className="ll-inno-gap">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        data-testid="project-overview"
        items={[
          { key: 'code', label: t('fields.code'), children: p.code },
          {
            key: 'cycle',
            label: t('fields.cycle'),
            children: <Link to={`/innovation?cycle=${p.cycleId}`}>{p.cycleName}</Link>,
          },
          { key: 'unit', label: t('fields.unit'), children: p.unitName },
          { key: 'category', label: t('fields.category'), children: labels.category(p.category) },
          { key: 'levelApplied', label: t('fields.levelApplied'), children: labels.level(p.levelApplied) },
          {
            key: 'levelApproved',
            label: t('fields.levelApproved'),
            children: p.levelApproved ? labels.level(p.levelApproved) : none,
          },
          {
            key: 'leader',
            label: t('fields.leader'),
            children: t('people.option', { name: p.leader.name, no: p.leader.employeeNo }),
          },
          { key: 'budget', label: t('fields.budget'), children: labels.money(p.budgetFen) },
          {
            key: 'funding',
            label: t('fields.funding'),
            children: p.fundingFen == null ? none : labels.money(p.fundingFen),
          },
          { key: 'state', label: t('fields.state'), children: <StateTag state={p.state} late={p.late} /> },
          {
            key: 'submittedAt',
            label: t('fields.submittedAt'),
            children: p.submittedAt ? formatTimestamp(p.submittedAt, labels.lang) : none,
          },
          {
            key: 'updatedAt',
            label: t('fields.updatedAt'),
            children: formatTimestamp(p.updatedAt, labels.lang),
          },
        ]}
      />
    </Card>
  );
}

function DetailTabs({ project: p }: { project: TProject }) {
  const { t } = useTranslation('innovation');
  const changes = useProjectChanges(p.id);
  const pending = (changes.data ?? []).filter((c) => c.state === 'pending').length;
  const items = [
    {
      key: 'revisions',
      label: t('detail.tabs.revisions', { count: p.revisionCount }),
      children: <RevisionsTab project={p} />,
    },
    {
      key: 'progress',
      label: t('detail.tabs.progress', { count: p.progressReports.length }),
      children: <ProgressTab project={p} />,
    },
    {
      key: 'changes',
      label: (
        <Badge count={pending} size="small" offset={[8, -2]}>
          {t('detail.tabs.changes')}
        </Badge>
      ),
      children: (
        <ChangeRequestsTable
          changes={changes.data ?? []}
          loading={changes.isPending}
          project={p}
          emptyText={t('changes.none')}
        />
      ),
    },
    ...(p.supervisionNotes
      ? [
          {
            key: 'supervision',
            label: t('detail.tabs.supervision', { count: p.supervisionNotes.length }),
            children: <SupervisionTab notes={p.supervisionNotes} />,
          },
        ]
      : []),
  ];
  return (
    <Card className="ll-inno-gap">
      <Tabs items={items} />
    </Card>
  );
}
