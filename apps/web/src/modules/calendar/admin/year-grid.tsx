import type { TCalendarDay } from '@lifeline/shared';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { daysInMonth, isoDay, mondayOffset, monthName, weekHeadings } from '../calendar-dates';
import { dayKind, isRest, type TDayKind } from '../day-kinds';

type Props = {
  year: number;
  byDay: ReadonlyMap<string, TCalendarDay>;
  today: string;
  onPick: (day: string) => void;
};

/** The twelve months of a year as small Monday-first grids; every day is a button. */
export const YearGrid = memo(function YearGrid({ year, byDay, today, onPick }: Props) {
  const { t, i18n } = useTranslation('calendar');
  const lang = i18n.language;
  const headings = weekHeadings(lang);
  const kindLabel = (kind: TDayKind) => t(`kind.${kind}`);

  return (
    <div className="ll-cal-months">
      {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
        const blanks = mondayOffset(year, month);
        const count = daysInMonth(year, month);
        return (
          <section key={month} className="ll-cal-month" aria-label={monthName(year, month, lang)}>
            <div className="ll-cal-month-name">{monthName(year, month, lang)}</div>
            <div className="ll-cal-week" aria-hidden>
              {headings.map((h, i) => (
                <span key={h} className={i >= 5 ? 'll-cal-head ll-cal-head-weekend' : 'll-cal-head'}>
                  {h}
                </span>
              ))}
            </div>
            <div className="ll-cal-days">
              {Array.from({ length: blanks }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed leading blanks of a month
                <span key={`blank-${i}`} />
              ))}
              {Array.from({ length: count }, (_, i) => {
                const day = isoDay(year, month, i + 1);
                const info = byDay.get(day);
                const kind = dayKind(day, info);
                const special = kind !== 'weekday' && kind !== 'weekend';
                const mark = special ? t(isRest(kind) ? 'mark.rest' : 'mark.work') : null;
                const label = [day, kindLabel(kind), info?.name].filter(Boolean).join(' · ');
                // The name starts with what the button shows ("1 休"), so that it can be said
                // to speech input (WCAG 2.5.3), then the full date and what the day is.
                const name = [mark ? `${i + 1} ${mark}` : String(i + 1), label].join(' · ');
                return (
                  <button
                    type="button"
                    key={day}
                    data-day={day}
                    data-kind={kind}
                    className={`ll-cal-day ll-cal-${kind}${day === today ? ' ll-cal-today' : ''}`}
                    title={label}
                    aria-label={name}
                    onClick={() => onPick(day)}
                  >
                    {i + 1}
                    {mark && <span className="ll-cal-mark">{mark}</span>}
                  </button>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
});

/** The colours of the grid, explained. */
export function Legend() {
  const { t } = useTranslation('calendar');
  const items: [string, string][] = [
    ['ll-cal-holiday', t('legend.holiday')],
    ['ll-cal-adjusted_workday', t('legend.adjusted')],
    ['ll-cal-override_holiday', t('legend.overrideHoliday')],
    ['ll-cal-override_workday', t('legend.overrideWorkday')],
    ['ll-cal-weekend', t('legend.weekend')],
    ['ll-cal-today', t('legend.today')],
  ];
  return (
    <ul className="ll-cal-legend" aria-label={t('legend.title')}>
      {items.map(([cls, text]) => (
        <li key={cls}>
          <span className={`ll-cal-swatch ${cls}`} aria-hidden />
          {text}
        </li>
      ))}
    </ul>
  );
}
