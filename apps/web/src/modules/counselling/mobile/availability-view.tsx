import type { TAvailabilitySlot } from '@lifeline/shared';
import { useTranslation } from 'react-i18next';
import { slotsByWeekday, weekdayName } from '../format';

/** A week's availability, one line per weekday with its times ("Mon 09:00–11:00, 14:00–17:00"). */
export function Availability({ slots }: { slots: readonly TAvailabilitySlot[] }) {
  const { t, i18n } = useTranslation('counselling');
  const lang = i18n.language;
  if (slots.length === 0) return <span className="m-muted">{t('coach.noAvailability')}</span>;
  return (
    <ul className="m-cs-week" data-testid="availability">
      {slotsByWeekday(slots).map(([weekday, day]) => (
        <li key={weekday}>
          <span className="m-cs-weekday">{weekdayName(weekday, lang, 'short')}</span>
          <span>
            {day.map((s) => t('coach.slot', { start: s.start, end: s.end })).join(t('listSeparator'))}
          </span>
        </li>
      ))}
    </ul>
  );
}
