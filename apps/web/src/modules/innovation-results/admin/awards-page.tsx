import { CheckCircleOutlined } from '@ant-design/icons';
import type { TCycle } from '@lifeline/shared';
import { Alert, App, Button, Card, Empty, Flex, Statistic, Steps, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../i18n/error-message';
import { useLabels } from '../../admin-kit/labels';
import { useReportError } from '../../admin-kit/use-report-error';
import { shanghaiToday } from '../../calendar/calendar-dates';
import { RESULTS_KEY, type TAwardsView, useAwards, useFinalizeAwards } from '../api';
import { formatYuan } from '../money';
import { AwardEditor } from './award-editor';
import { AwardList } from './award-list';
import { ResultsFrame, useCurrentCycle } from './results-frame';

const STAGE_STEP: Record<TAwardsView['stage'], number> = { none: 0, draft: 0, publicity: 1, final: 2 };

/**
 * The awards of a cycle. The secretariat proposes tiers for completed projects, publishes them
 * for a publicity period (公示), answers objections and makes them final; during publicity
 * everyone who can see them may object.
 */
export function AwardsPage() {
  const { cycle } = useCurrentCycle();
  return <ResultsFrame section="awards">{cycle && <AwardsBody key={cycle.id} cycle={cycle} />}</ResultsFrame>;
}

function AwardsBody({ cycle }: { cycle: TCycle }) {
  const { t } = useTranslation(['innovation-results', 'errors']);
  const awards = useAwards(cycle.id);
  if (awards.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={t('awards.loadFailed', { reason: errorMessage(t, awards.error) })}
      />
    );
  if (!awards.data) return <Card loading />;
  const view = awards.data;
  const editing = view.abilities.manage && (view.stage === 'none' || view.stage === 'draft');
  return (
    <Flex vertical gap="middle">
      <StageCard view={view} />
      {editing ? (
        <AwardEditor key={view.version} view={view} cycle={cycle} />
      ) : view.stage === 'none' || view.stage === 'draft' ? (
        <Card>
          <Empty description={t('awards.notPublished')} />
        </Card>
      ) : (
        <AwardList view={view} />
      )}
    </Flex>
  );
}

/** Where the awards stand: the three stages, the totals, and the manager's "make final". */
function StageCard({ view }: { view: TAwardsView }) {
  const { t } = useTranslation(['innovation-results', 'admin-kit']);
  const labels = useLabels();
  const { modal, message } = App.useApp();
  const finalize = useFinalizeAwards(view.cycleId);
  const reportError = useReportError([[...RESULTS_KEY]]);
  const canManage = view.abilities.manage;
  const today = shanghaiToday();
  const open = view.awards.reduce((s, a) => s + a.objections.filter((o) => !o.answer).length, 0);
  const running = view.stage === 'publicity' && today <= (view.publicityEndsOn ?? '');
  const blocked = running
    ? t('awards.finalizeRunning', { date: view.publicityEndsOn })
    : open
      ? t('awards.finalizeOpen', { count: open })
      : null;

  const onFinalize = () =>
    modal.confirm({
      title: t('awards.finalizeTitle'),
      content: t('awards.finalizeBody', {
        count: view.awards.length,
        total: formatYuan(view.totalFen, labels.lang),
      }),
      okText: t('awards.finalize'),
      cancelText: t('admin-kit:actions.cancel'),
      onOk: () =>
        finalize
          .mutateAsync({ version: view.version })
          .then(() => void message.success(t('awards.finalized')))
          .catch(reportError),
    });

  return (
    <Card size="small">
      <Steps
        size="small"
        current={STAGE_STEP[view.stage]}
        status={view.stage === 'final' ? 'finish' : 'process'}
        items={[
          { title: t('awards.stages.draft'), content: t('awards.stagesHint.draft') },
          {
            title: t('awards.stages.publicity'),
            content: view.publicityEndsOn
              ? t('awards.until', { date: view.publicityEndsOn })
              : t('awards.stagesHint.publicity'),
          },
          { title: t('awards.stages.final'), content: t('awards.stagesHint.final') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Flex wrap gap="large" align="center" justify="space-between">
        <Flex wrap gap="large">
          <Statistic title={t('awards.stage')} value={t(`awards.stageNames.${view.stage}`)} />
          <Statistic title={t('awards.count')} value={view.awards.length} />
          <Statistic
            title={t('awards.total')}
            value={formatYuan(view.totalFen, labels.lang)}
            data-testid="awards-total"
          />
        </Flex>
        {canManage && view.stage === 'publicity' && (
          <Tooltip title={blocked}>
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              disabled={blocked !== null}
              loading={finalize.isPending}
              onClick={onFinalize}
            >
              {t('awards.finalize')}
            </Button>
          </Tooltip>
        )}
      </Flex>
      {view.stage === 'publicity' && (
        <Alert
          type={running ? 'warning' : 'info'}
          showIcon
          style={{ marginTop: 16 }}
          title={
            running
              ? t('awards.publicityNotice', { date: view.publicityEndsOn })
              : t('awards.publicityOver', { date: view.publicityEndsOn })
          }
        />
      )}
      {view.stage === 'final' && (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {t('awards.finalNotice')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
