import { DownloadOutlined, NotificationOutlined, PrinterOutlined } from '@ant-design/icons';
import { INNOVATION_LEVELS, type TCycle } from '@lifeline/shared';
import { Alert, App, Button, Card, Empty, Popconfirm, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../i18n/error-message';
import { formatTimestamp } from '../../admin-kit/dates';
import { downloadFile } from '../../admin-kit/files';
import { idParam } from '../../admin-kit/url-filters';
import { approvedXlsxPath, useApproved, usePublishApproved } from '../api';
import { CycleFrame, useCycleChoice } from '../components/cycle-frame';
import { useInnovationLabels } from '../format';
import { useInnovationError } from '../problems';

/** While this page is shown, printing leaves out the menu, header and buttons (see innovation.css). */
function usePrintPage() {
  useEffect(() => {
    document.body.classList.add('ll-inno-print-page');
    return () => document.body.classList.remove('ll-inno-print-page');
  }, []);
}

/** The approved projects of a cycle (立项名单): printable, exported to Excel, published by the secretariat. */
export function ApprovedPage() {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const pathId = idParam(useParams().id);
  const choice = useCycleChoice(pathId);
  const navigate = useNavigate();
  usePrintPage();
  return (
    <CycleFrame
      section="approved"
      choice={choice}
      title={t('approved.title')}
      onChoose={(id) => navigate(`/innovation/cycles/${id}/approved`)}
      extra={(cycle) => <Toolbar cycle={cycle} />}
    >
      {(cycle) => <ApprovedList cycle={cycle} />}
    </CycleFrame>
  );
}

function Toolbar({ cycle }: { cycle: TCycle }) {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const { message } = App.useApp();
  const publish = usePublishApproved(cycle.id);
  const reportError = useInnovationError();
  const [exporting, setExporting] = useState(false);
  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile(approvedXlsxPath(cycle.id), `${cycle.name}.xlsx`);
    } catch (err) {
      void message.error(t('admin-kit:downloadFailed', { reason: errorMessage(t, err) }));
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
        {t('approved.print')}
      </Button>
      <Button
        icon={<DownloadOutlined />}
        loading={exporting}
        onClick={() => void onExport()}
        data-testid="export-approved"
      >
        {t('admin-kit:actions.export')}
      </Button>
      {cycle.abilities.manage && !cycle.approvedListPublishedAt && (
        <Popconfirm
          title={t('approved.publishTitle')}
          description={t('approved.publishBody')}
          okText={t('approved.publish')}
          cancelText={t('admin-kit:actions.cancel')}
          onConfirm={() =>
            publish
              .mutateAsync()
              .then(() => void message.success(t('approved.published')))
              .catch(reportError)
          }
        >
          <Button
            type="primary"
            icon={<NotificationOutlined />}
            loading={publish.isPending}
            data-testid="publish-approved"
          >
            {t('approved.publish')}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}

function ApprovedList({ cycle }: { cycle: TCycle }) {
  const { t } = useTranslation(['innovation', 'admin-kit', 'errors']);
  const labels = useInnovationLabels();
  const approved = useApproved(cycle.id);
  if (approved.isError) return <Alert type="error" showIcon title={errorMessage(t, approved.error)} />;
  if (approved.isPending) return <Spin />;
  const { lines, publishedAt } = approved.data;
  const total = lines.reduce((sum, l) => sum + l.fundingFen, 0);
  const byLevel = INNOVATION_LEVELS.map((l) => ({
    level: l.code,
    count: lines.filter((x) => x.level === l.code).length,
  })).filter((x) => x.count > 0);

  return (
    <Card className="ll-inno-print-card">
      <div className="ll-inno-print" data-testid="approved-list">
        <h1 className="ll-inno-print-title">{t('approved.printTitle', { name: cycle.name })}</h1>
        <p className="ll-inno-print-sub">
          {publishedAt ? (
            <Tag color="green" className="ll-inno-no-print">
              {t('approved.publishedAt', { at: formatTimestamp(publishedAt, labels.lang) })}
            </Tag>
          ) : (
            <Tag className="ll-inno-no-print">{t('approved.notPublished')}</Tag>
          )}
          <span>
            {t('approved.summary', {
              count: lines.length,
              levels: byLevel
                .map((x) => t('approved.levelCount', { level: labels.level(x.level), count: x.count }))
                .join(t('list.separator')),
              total: labels.money(total),
            })}
          </span>
        </p>
        {lines.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approved.none')} />
        ) : (
          <div className="ll-inno-table-scroll">
            <table className="ll-inno-print-table">
              <thead>
                <tr>
                  <th>{t('approved.no')}</th>
                  <th>{t('fields.code')}</th>
                  <th>{t('fields.title')}</th>
                  <th>{t('fields.unit')}</th>
                  <th>{t('fields.leader')}</th>
                  <th>{t('fields.category')}</th>
                  <th>{t('fields.levelApproved')}</th>
                  <th className="ll-inno-num">{t('approved.funding')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l, i) => (
                  <tr key={l.projectId}>
                    <td>{i + 1}</td>
                    <td className="ll-inno-nowrap">{l.code}</td>
                    <td className="ll-inno-wide-cell">
                      <Link to={`/innovation/projects/${l.projectId}`}>{l.title}</Link>
                    </td>
                    <td className="ll-inno-mid-cell">{l.unitName}</td>
                    <td className="ll-inno-nowrap">{l.leaderName}</td>
                    <td className="ll-inno-nowrap">{labels.category(l.category)}</td>
                    <td className="ll-inno-nowrap">{labels.level(l.level)}</td>
                    <td className="ll-inno-num">{labels.money(l.fundingFen)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={7}>{t('approved.total')}</td>
                  <td className="ll-inno-num">{labels.money(total)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        <Typography.Paragraph type="secondary" className="ll-inno-print-foot">
          {t('approved.footer', { owner: cycle.ownerUnitName })}
        </Typography.Paragraph>
      </div>
    </Card>
  );
}
