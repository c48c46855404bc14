import { Alert, Button, Card, DatePicker, Flex, Form, InputNumber, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { errorMessage } from '../../../i18n/error-message';
import { useDeadline } from '../api';
import { formatShanghaiDeadline, SHANGHAI_OFFSET_MS, shanghaiIso, weekdayName } from '../calendar-dates';

type Values = { from: Dayjs; workingDays: number };

/** Now on the Shanghai wall clock, as a picker value (the picker shows wall-clock fields only). */
function shanghaiNow(): Dayjs {
  const shifted = new Date(Date.now() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
  return dayjs(shifted, 'YYYY-MM-DDTHH:mm');
}

/** The year a `calendar_year_missing` answer names, if it is one. */
function missingYear(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.code !== 'calendar_year_missing') return null;
  const year = (error.details as { year?: unknown } | undefined)?.year;
  return typeof year === 'number' ? year : null;
}

/**
 * "Within N working days from this moment": asks the server (which owns the calendar and the
 * counting rule) and shows the deadline on the Beijing clock, or why it cannot be computed.
 */
export function DeadlineCard({ onOpenYear }: { onOpenYear: (year: number) => void }) {
  const { t, i18n } = useTranslation(['calendar', 'errors']);
  const [form] = Form.useForm<Values>();
  const [params, setParams] = useState<{ from: string; workingDays: number } | null>(null);
  const deadline = useDeadline(params);

  const compute = (values: Values) => {
    // The picked fields are read as Beijing time whatever the browser's own time zone.
    const from = shanghaiIso(values.from.format('YYYY-MM-DD'), values.from.hour(), values.from.minute());
    if (params?.from === from && params.workingDays === values.workingDays) void deadline.refetch();
    else setParams({ from, workingDays: values.workingDays });
  };

  const formatted = deadline.data ? formatShanghaiDeadline(deadline.data.deadline) : null;
  const yearMissing = missingYear(deadline.error);

  return (
    <Card title={t('deadline.title')} size="small">
      <Typography.Paragraph type="secondary">{t('deadline.intro')}</Typography.Paragraph>
      <Form
        form={form}
        name="deadline"
        layout="vertical"
        onFinish={compute}
        requiredMark={false}
        initialValues={{ from: shanghaiNow(), workingDays: 5 }}
      >
        <Flex wrap gap="small" align="end">
          <Form.Item
            name="from"
            label={t('deadline.from')}
            rules={[{ required: true, message: t('deadline.fromRequired') }]}
            style={{ flex: '1 1 200px', marginBottom: 12 }}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              data-testid="deadline-from"
            />
          </Form.Item>
          <Form.Item
            name="workingDays"
            label={t('deadline.workingDays')}
            rules={[{ required: true, message: t('deadline.workingDaysRequired') }]}
            style={{ flex: '0 1 120px', marginBottom: 12 }}
          >
            <InputNumber
              min={0}
              max={365}
              precision={0}
              style={{ width: '100%' }}
              data-testid="deadline-days"
            />
          </Form.Item>
          <Form.Item style={{ marginBottom: 12 }}>
            <Button type="primary" htmlType="submit" data-testid="deadline-compute">
              {t('deadline.compute')}
            </Button>
          </Form.Item>
        </Flex>
      </Form>

      <div aria-live="polite" data-testid="deadline-result">
        {params === null ? null : deadline.isFetching && !deadline.isError ? (
          <Spin size="small" />
        ) : yearMissing !== null ? (
          <Alert
            type="warning"
            showIcon
            title={t('deadline.yearMissing', { year: yearMissing })}
            action={
              <Button size="small" onClick={() => onOpenYear(yearMissing)}>
                {t('deadline.openYear', { year: yearMissing })}
              </Button>
            }
          />
        ) : deadline.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, deadline.error)} />
        ) : formatted ? (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary">{t('deadline.result')}</Typography.Text>
            <span className="ll-cal-result" data-testid="deadline-value">
              {t('deadline.resultValue', {
                text: formatted.text,
                weekday: weekdayName(formatted.day, i18n.language, 'long'),
              })}
            </span>
            <Typography.Text type="secondary">{t('deadline.timezone')}</Typography.Text>
          </Flex>
        ) : null}
      </div>
    </Card>
  );
}
