import type { TCalendarDay } from '@lifeline/shared';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { weekdayName } from '../calendar-dates';
import { dayKind, KIND_TAG_COLOR } from '../day-kinds';

type Props = {
  year: number;
  days: readonly TCalendarDay[];
  loading: boolean;
  canEdit: boolean;
  onPick: (day: string) => void;
};

/** The year's holidays, adjusted working days and overrides as a list (plain weekends left out). */
export function SpecialDaysTable({ year, days, loading, canEdit, onPick }: Props) {
  const { t, i18n } = useTranslation('calendar');
  const rows = days.filter((d) => d.reason !== 'weekend').sort((a, b) => a.day.localeCompare(b.day));

  return (
    <Card
      size="small"
      title={t('days.title', { year })}
      extra={<Typography.Text type="secondary">{t('days.count', { count: rows.length })}</Typography.Text>}
    >
      <Table<TCalendarDay>
        size="small"
        rowKey="day"
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('days.empty') }}
        data-testid="special-days"
        columns={[
          {
            key: 'day',
            title: t('days.day'),
            dataIndex: 'day',
            render: (day: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{day}</span>,
          },
          {
            key: 'weekday',
            title: t('days.weekday'),
            render: (_, d) => weekdayName(d.day, i18n.language),
          },
          {
            key: 'kind',
            title: t('days.kind'),
            render: (_, d) => {
              const kind = dayKind(d.day, d);
              return (
                <Tag color={KIND_TAG_COLOR[kind]} style={{ marginInlineEnd: 0 }}>
                  {t(`kind.${kind}`)}
                </Tag>
              );
            },
          },
          {
            key: 'name',
            title: t('days.name'),
            dataIndex: 'name',
            render: (name: string | null) => name ?? '—',
          },
          {
            key: 'action',
            title: t('days.actions'),
            render: (_, d) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPick(d.day)}>
                {t(canEdit ? 'days.edit' : 'days.view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
