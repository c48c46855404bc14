import { ClockCircleOutlined, RightOutlined } from '@ant-design/icons';
import type { TWorkbenchTask } from '@lifeline/shared';
import { Button, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { deadlineAt, fromNow, isPhoneLink, urgencyOf } from '../format';

const URGENCY_COLOR = { overdue: 'danger', soon: 'warning', normal: 'secondary' } as const;

/**
 * Where to act on a task, as a link (it opens in a new tab too): desktop pages are routed here,
 * the phone pages (another app) are loaded.
 */
function TaskLink({ task, label }: { task: TWorkbenchTask; label: string }) {
  const { t } = useTranslation('workbench');
  const navigate = useNavigate();
  const routed = !isPhoneLink(task.link);
  return (
    <Button
      href={task.link}
      aria-label={t('tasks.actOn', { task: label })}
      data-testid="workbench-task-link"
      onClick={(e) => {
        if (!routed || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(task.link);
      }}
    >
      {t('tasks.act')} <RightOutlined />
    </Button>
  );
}

/** One kind of task: how many wait, the nearest deadline (absolute and relative), and where to act. */
function TaskRow({ task, now }: { task: TWorkbenchTask; now: number }) {
  const { t, i18n } = useTranslation('workbench');
  const lang = i18n.language;
  const label = t(`tasks.kinds.${task.kind}`);
  const urgency = urgencyOf(task);
  const dueKey = task.kind === 'counselling.session' ? 'tasks.bookedFor' : 'tasks.due';
  return (
    <Flex
      className={`ll-wb-task ll-wb-task-${urgency}`}
      align="center"
      gap="middle"
      data-testid="workbench-task"
      data-kind={task.kind}
    >
      <span className="ll-wb-count" data-testid="workbench-task-count">
        {task.count}
      </span>
      <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Flex wrap gap="small" align="center">
          <Typography.Text strong>{label}</Typography.Text>
          <Tag variant="outlined">{t(`modules.${task.module}`)}</Tag>
          {task.overdue > 0 && (
            <Tag color="error" data-testid="workbench-task-overdue">
              {t('tasks.overdue', { count: task.overdue })}
            </Tag>
          )}
          {task.dueSoon > 0 && <Tag color="warning">{t('tasks.dueSoon', { count: task.dueSoon })}</Tag>}
        </Flex>
        <Typography.Text type={URGENCY_COLOR[urgency]} className="ll-wb-small">
          <ClockCircleOutlined />{' '}
          {task.dueAt
            ? t(dueKey, { at: deadlineAt(task.dueAt, lang), relative: fromNow(task.dueAt, now, lang) })
            : t('tasks.noDeadline')}
        </Typography.Text>
      </Flex>
      <TaskLink task={task} label={label} />
    </Flex>
  );
}

/** What waits for me, most urgent first (the server's order), or the word that nothing does. */
export function TaskList({ tasks }: { tasks: TWorkbenchTask[] }) {
  const { t } = useTranslation('workbench');
  if (!tasks.length)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Flex vertical gap={4}>
            <Typography.Text strong data-testid="workbench-nothing">
              {t('tasks.emptyTitle')}
            </Typography.Text>
            <Typography.Text type="secondary">{t('tasks.emptyBody')}</Typography.Text>
          </Flex>
        }
      />
    );
  const now = Date.now();
  return (
    <Flex vertical className="ll-wb-tasks" data-testid="workbench-tasks">
      {tasks.map((task) => (
        <TaskRow key={task.kind} task={task} now={now} />
      ))}
    </Flex>
  );
}
