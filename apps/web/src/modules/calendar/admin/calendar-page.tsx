import { Alert, Button, Card, Col, Flex, Row, Select, Spin, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../api/me';
import { errorMessage } from '../../../i18n/error-message';
import { type TCalendarYearInfo, useCalendarDays, useCalendarYears } from '../api';
import { shanghaiToday } from '../calendar-dates';
import { indexDays } from '../day-kinds';
import { DayEditor } from './day-editor';
import { DeadlineCard } from './deadline-card';
import { SpecialDaysTable } from './special-days-table';
import { Legend, YearGrid } from './year-grid';
import { YearStatus } from './year-status';
import './calendar.css';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function parseYear(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR ? n : null;
}

/**
 * The years offered: those the calendar covers, plus the next two after the later of the last
 * covered year and this year (the ones an administrator may have to enter), plus the year in
 * the address. Latest first.
 */
function yearChoices(years: readonly TCalendarYearInfo[], thisYear: number, chosen: number): number[] {
  const covered = years.map((y) => y.year);
  const last = Math.max(thisYear, ...covered);
  return [...new Set([...covered, last + 1, last + 2, chosen])]
    .filter((y) => y >= MIN_YEAR && y <= MAX_YEAR)
    .sort((a, b) => b - a);
}

/**
 * The working-day calendar: a year's public holidays and adjusted working days, administrators'
 * corrections, the entry of a year the official data does not cover yet, and a deadline check.
 */
export function CalendarPage() {
  const { t } = useTranslation(['calendar', 'errors']);
  const me = useMe().data;
  const canEdit = me?.permissions.includes('calendar.manage') ?? false;
  const today = shanghaiToday();
  const thisYear = Number(today.slice(0, 4));
  const [params, setParams] = useSearchParams();
  const year = parseYear(params.get('year')) ?? thisYear;
  const setYear = useCallback(
    (y: number) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('year', String(y));
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const yearsQuery = useCalendarYears();
  const daysQuery = useCalendarDays(year);
  const [picked, setPicked] = useState<string | null>(null);

  const years = yearsQuery.data ?? [];
  const info = years.find((y) => y.year === year);
  // While another year's answer is still shown (placeholder), nothing of it may be edited.
  const current = daysQuery.data && !daysQuery.isPlaceholderData ? daysQuery.data : undefined;
  const indexed = useMemo(() => indexDays(current?.days ?? []), [current]);
  const choices = yearChoices(years, thisYear, year);

  const sourceLabel = (y: number) => {
    const source = years.find((i) => i.year === y)?.source;
    return source ? t(`source.${source}`) : t('source.missing');
  };

  const failed = yearsQuery.error ?? daysQuery.error;

  return (
    <Flex vertical gap="middle">
      <Flex wrap align="center" justify="space-between" gap="small">
        <Typography.Title level={1} className="ll-page-title">
          {t('title')}
        </Typography.Title>
        <Flex align="center" gap="small">
          <Typography.Text type="secondary">{t('year')}</Typography.Text>
          <Select<number>
            value={year}
            onChange={setYear}
            style={{ width: 220, maxWidth: '62vw' }}
            loading={yearsQuery.isLoading}
            aria-label={t('year')}
            data-testid="calendar-year"
            popupMatchSelectWidth={false}
            options={choices.map((y) => ({
              value: y,
              label: `${t('yearOption', { year: y })} · ${sourceLabel(y)}`,
            }))}
          />
        </Flex>
      </Flex>
      <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      {!canEdit && <Alert type="info" showIcon title={t('readOnly')} />}

      {failed ? (
        <Alert
          type="error"
          showIcon
          title={t('loadFailed', { reason: errorMessage(t, failed) })}
          action={
            <Button
              size="small"
              onClick={() => {
                void yearsQuery.refetch();
                void daysQuery.refetch();
              }}
            >
              {t('retry')}
            </Button>
          }
        />
      ) : (
        current && (
          <YearStatus
            year={year}
            covered={current.covered}
            source={info?.source}
            holidays={indexed.overrideHolidays}
            workdays={indexed.overrideWorkdays}
            canEdit={canEdit}
          />
        )
      )}

      <Card
        size="small"
        title={
          <Flex wrap align="center" gap="small">
            {t('grid.title', { year })}
            {current && (
              <Tag color={current.covered ? 'green' : 'orange'} style={{ marginInlineEnd: 0 }}>
                {sourceLabel(year)}
              </Tag>
            )}
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('stats', {
            holidays: indexed.holidays,
            adjusted: indexed.adjusted,
            overrides: indexed.overrides,
          })}
          {canEdit && (
            <>
              <br />
              {t('grid.hint')}
            </>
          )}
        </Typography.Paragraph>
        <Legend />
        <Spin spinning={!current && !failed}>
          <YearGrid year={year} byDay={indexed.byDay} today={today} onPick={setPicked} />
        </Spin>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <SpecialDaysTable
            year={year}
            days={current?.days ?? []}
            loading={!current && !failed}
            canEdit={canEdit}
            onPick={setPicked}
          />
        </Col>
        <Col xs={24} xl={10}>
          <DeadlineCard onOpenYear={setYear} />
        </Col>
      </Row>

      <DayEditor
        day={picked}
        info={picked ? indexed.byDay.get(picked) : undefined}
        covered={current?.covered ?? false}
        canEdit={canEdit && current !== undefined}
        onClose={() => setPicked(null)}
      />
    </Flex>
  );
}
