import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { THotlineListItem, THotlineState, THotlineUrgency } from '@lifeline/shared';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinute, STATE_COLORS, splitMinute, URGENCY_COLORS, useHotlineLabels } from '../labels';

/** An item's state as a coloured tag (labels of HOTLINE_STATES). */
export function StateTag({ state }: { state: string }) {
  const labels = useHotlineLabels();
  return (
    <Tag color={STATE_COLORS[state as THotlineState] ?? 'default'} data-state={state}>
      {labels.state(state)}
    </Tag>
  );
}

/** An item's urgency; normal items get a quiet tag, immediate ones a red one. */
export function UrgencyTag({ urgency }: { urgency: string }) {
  const labels = useHotlineLabels();
  return (
    <Tag color={URGENCY_COLORS[urgency as THotlineUrgency] ?? 'default'} data-urgency={urgency}>
      {labels.urgency(urgency)}
    </Tag>
  );
}

/** The red "overdue" mark. */
export function OverdueTag() {
  const { t } = useTranslation('hotline-desk');
  return (
    <Tag color="error" icon={<ClockCircleOutlined />} data-testid="overdue-tag">
      {t('deadline.overdue')}
    </Tag>
  );
}

/** The warning that a deadline could not be computed, as a year of the calendar is missing. */
export function CalendarMissingTag({ year }: { year: number }) {
  const { t } = useTranslation('hotline-desk');
  return (
    <Tooltip title={t('deadline.calendarMissingHint', { year })}>
      <Tag color="warning" icon={<WarningOutlined />} data-testid="calendar-missing">
        {t('deadline.calendarMissing', { year })}
      </Tag>
    </Tooltip>
  );
}

type Deadlines = Pick<
  THotlineListItem,
  'state' | 'acceptDue' | 'answerDue' | 'overdue' | 'calendarMissingYear'
>;

/**
 * The deadline that matters now: to accept while the item waits for it, else to answer; with
 * the overdue mark and the missing-calendar warning.
 */
export function DeadlineCell({ item }: { item: Deadlines }) {
  const { t } = useTranslation('hotline-desk');
  const labels = useHotlineLabels();
  const waiting = item.state === 'submitted' || item.state === 'reopened';
  const accept = waiting && item.acceptDue ? formatMinute(item.acceptDue, labels.lang) : null;
  const [day, time] = splitMinute(item.answerDue, labels.lang);
  const answer = item.answerDue ? `${day} ${time}` : null;
  return (
    <Flex vertical gap={2} align="flex-start">
      {answer && (
        <Typography.Text type={item.overdue ? 'danger' : undefined} className="ll-hl-nowrap">
          {answer}
        </Typography.Text>
      )}
      {accept && (
        <Typography.Text type="secondary" className="ll-hl-small ll-hl-nowrap">
          {t('deadline.acceptBy', { at: accept })}
        </Typography.Text>
      )}
      {!answer && !accept && !item.calendarMissingYear && <span>{t('admin-kit:none')}</span>}
      {item.overdue && <OverdueTag />}
      {item.calendarMissingYear !== null && <CalendarMissingTag year={item.calendarMissingYear} />}
    </Flex>
  );
}
