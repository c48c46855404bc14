import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople, usePerson } from '../api';

export type PersonSelectProps = {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
  'aria-label'?: string;
};

const SEARCH_DELAY_MS = 250;

/**
 * Picks a person by searching the roster on the server (name, pinyin, initials, employee
 * number, phone). The chosen person keeps their label even when the search moves on.
 */
export function PersonSelect({ value, onChange, placeholder, ...rest }: PersonSelectProps) {
  const { t } = useTranslation('people');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = usePeople({ q }, 1, 20, q !== '');
  const chosen = usePerson(value ?? undefined);
  const options = (found.data?.items ?? []).map((p) => ({
    value: p.id,
    label: t('picker.option', { name: p.name, no: p.employeeNo, unit: p.unitName }),
  }));
  if (value && chosen.data && !options.some((o) => o.value === value)) {
    const p = chosen.data;
    options.unshift({
      value: p.id,
      label: t('picker.option', { name: p.name, no: p.employeeNo, unit: p.unitName }),
    });
  }
  return (
    <Select<number>
      {...rest}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      placeholder={placeholder ?? t('picker.placeholder')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={found.isFetching}
      notFoundContent={q ? t('picker.noMatch') : t('picker.typeToSearch')}
      popupMatchSelectWidth={false}
    />
  );
}
