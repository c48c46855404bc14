import { EMPLOYMENT_STATUSES, POLITICAL_STATUSES, POSITIONS } from '@lifeline/shared';
import { Button, Input, Select } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '../../admin-kit/filter-bar';
import { useLabels } from '../../admin-kit/labels';
import { UnitTreeSelect } from '../../units/components/unit-tree-select';
import type { PeopleFilters } from '../api';

type Props = {
  filters: PeopleFilters;
  onChange: (patch: Partial<Record<keyof PeopleFilters, string | number | undefined>>) => void;
};

const SEARCH_DELAY_MS = 300;

/** Search box and filters of the people list; typing searches after a short pause. */
export function PeopleFilterBar({ filters, onChange }: Props) {
  const { t } = useTranslation(['people', 'admin-kit']);
  const labels = useLabels();
  const [text, setText] = useState(filters.q ?? '');
  // The search last sent to the address: a different one there came from outside (back
  // button, reset, a link with ?q=) and replaces the box's text; our own never interrupts typing.
  const sent = useRef(filters.q ?? '');
  useEffect(() => {
    const q = filters.q ?? '';
    if (q === sent.current) return;
    sent.current = q;
    setText(q);
  }, [filters.q]);
  const search = useCallback(
    (value: string) => {
      const q = value.trim();
      if (q === sent.current) return;
      sent.current = q;
      onChange({ q: q || undefined });
    },
    [onChange],
  );
  useEffect(() => {
    const timer = setTimeout(() => search(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, search]);
  const any = Object.values(filters).some((v) => v !== undefined && v !== '');

  return (
    <FilterBar>
      <Input.Search
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={search}
        placeholder={t('list.searchPlaceholder')}
        aria-label={t('list.searchPlaceholder')}
        data-testid="people-search"
        style={{ width: 300, maxWidth: '100%' }}
      />
      <UnitTreeSelect
        value={filters.unitId}
        onChange={(unitId) => onChange({ unitId })}
        placeholder={t('filters.unit')}
        aria-label={t('filters.unit')}
        style={{ width: 220, maxWidth: '100%' }}
      />
      <Select
        allowClear
        value={filters.politicalStatus}
        onChange={(v) => onChange({ politicalStatus: v })}
        options={labels.options(POLITICAL_STATUSES)}
        placeholder={t('fields.politicalStatus')}
        aria-label={t('fields.politicalStatus')}
        style={{ width: 150, maxWidth: '100%' }}
      />
      <Select
        allowClear
        value={filters.position}
        onChange={(v) => onChange({ position: v })}
        options={labels.options(POSITIONS)}
        placeholder={t('fields.positions')}
        aria-label={t('fields.positions')}
        style={{ width: 140, maxWidth: '100%' }}
      />
      <Select
        allowClear
        value={filters.employmentStatus}
        onChange={(v) => onChange({ employmentStatus: v })}
        options={labels.options(EMPLOYMENT_STATUSES)}
        placeholder={t('fields.employmentStatus')}
        aria-label={t('fields.employmentStatus')}
        style={{ width: 120, maxWidth: '100%' }}
      />
      {any && (
        <Button
          onClick={() =>
            onChange({
              q: undefined,
              unitId: undefined,
              politicalStatus: undefined,
              position: undefined,
              employmentStatus: undefined,
            })
          }
        >
          {t('admin-kit:actions.reset')}
        </Button>
      )}
    </FilterBar>
  );
}
