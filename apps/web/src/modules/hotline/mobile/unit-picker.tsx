import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TUnitChoice, useUnitChoices } from '../api';

/** At most this many matches are listed; typing narrows them. */
const SHOWN = 50;

export type TPickedUnit = { id: number; name: string };

/**
 * Picks a unit: the given one by default, or another found by typing part of its name among the
 * units any employee may raise a problem about (`GET /api/hotline/units`).
 */
export function UnitPicker({
  value,
  own,
  onChange,
  label,
  allowAll = false,
  testId,
}: {
  value: TPickedUnit | null;
  own: TPickedUnit | null;
  onChange: (unit: TPickedUnit | null) => void;
  label: string;
  /** A filter may be "all units" (null). */
  allowAll?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('hotline');
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const units = useUnitChoices(open);
  const listId = useId();
  const matches = useMemo(() => {
    const all = units.data ?? [];
    const needle = q.trim().toLowerCase();
    const found = needle ? all.filter((u) => u.name.toLowerCase().includes(needle)) : all;
    return found.slice(0, SHOWN);
  }, [units.data, q]);
  const pick = (unit: TPickedUnit | null) => {
    onChange(unit);
    setOpen(false);
    setQ('');
  };
  const extra = (units.data?.length ?? 0) > SHOWN && matches.length === SHOWN;
  return (
    <div className="m-field m-hl-unit" data-testid={testId}>
      <span>{label}</span>
      <div className="m-hl-unit-current">
        <strong data-testid="unit-current">{value ? value.name : t('unit.all')}</strong>
        <button
          type="button"
          className="m-link-button"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls={listId}
          data-testid="unit-change"
        >
          {open ? t('unit.close') : t('unit.change')}
        </button>
      </div>
      {open && (
        <div className="m-hl-unit-panel" id={listId}>
          {units.isError ? (
            <p className="m-muted m-small" data-testid="unit-own-only">
              {t('unit.ownOnly')}
            </p>
          ) : (
            <input
              type="search"
              value={q}
              placeholder={t('unit.search')}
              aria-label={t('unit.search')}
              onChange={(e) => setQ(e.target.value)}
              data-testid="unit-search"
            />
          )}
          <ul className="m-hl-unit-list">
            {allowAll && (
              <li>
                <button type="button" onClick={() => pick(null)}>
                  {t('unit.all')}
                </button>
              </li>
            )}
            {own && (
              <li>
                <button type="button" onClick={() => pick(own)} data-testid="unit-own">
                  {own.name}
                  <small className="m-muted">{t('unit.own')}</small>
                </button>
              </li>
            )}
            {units.isPending && <li className="m-muted m-small">{t('unit.loading')}</li>}
            {matches
              .filter((u) => u.id !== own?.id)
              .map((u: TUnitChoice) => (
                <li key={u.id}>
                  <button type="button" onClick={() => pick({ id: u.id, name: u.name })}>
                    {u.name}
                    {u.parentName && <small className="m-muted">{u.parentName}</small>}
                  </button>
                </li>
              ))}
            {units.data && matches.length === 0 && <li className="m-muted m-small">{t('unit.noMatch')}</li>}
          </ul>
          {extra && <p className="m-muted m-small">{t('unit.more', { count: SHOWN })}</p>}
        </div>
      )}
    </div>
  );
}
