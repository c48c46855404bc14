import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../../people/api';

const SEARCH_DELAY_MS = 250;

type Props = {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The name of the person chosen already, so that their id shows as a name. */
  knownName?: string | null;
  id?: string;
  'aria-label'?: string;
};

/**
 * Picks one person by searching the roster on the server (name, pinyin, employee number); the
 * chosen person keeps their name while the search moves on.
 */
export function PersonSelect({ value, onChange, knownName, ...rest }: Props) {
  const { t } = useTranslation('hotline-desk');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = usePeople({ q }, 1, 20, q !== '');
  const names = useRef(new Map<number, string>());
  if (value && knownName && !names.current.has(value)) names.current.set(value, knownName);
  const options = (found.data?.items ?? []).map((p) => {
    const label = t('people.option', { name: p.name, no: p.employeeNo, unit: p.unitName ?? '' });
    names.current.set(p.id, label);
    return { value: p.id, label };
  });
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: names.current.get(value) ?? t('people.unknown', { id: value }) });
  return (
    <Select<number>
      {...rest}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={found.isFetching}
      placeholder={t('people.placeholder')}
      notFoundContent={
        q ? (found.isFetching ? t('people.searching') : t('people.noMatch')) : t('people.typeToSearch')
      }
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
