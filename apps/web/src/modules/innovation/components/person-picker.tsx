import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../../people/api';

/** A person as the innovation answers name them. */
export type PersonRef = { id: number; name: string; employeeNo: string; unitName?: string };

type Common = {
  /** People already known by name (the project's leader and team), so their ids show as names. */
  known?: readonly PersonRef[];
  /** People not to offer (the leader in the team picker). */
  exclude?: readonly number[];
  placeholder?: string;
  id?: string;
  status?: 'error' | 'warning';
  'aria-label'?: string;
  'data-testid'?: string;
};

export type PersonPickerProps =
  | (Common & { multiple?: false; value?: number | null; onChange?: (value: number | undefined) => void })
  | (Common & { multiple: true; value?: number[]; onChange?: (value: number[]) => void; max?: number });

const SEARCH_DELAY_MS = 250;

/**
 * Picks one or several people from the roster by searching on the server (name, pinyin,
 * initials, employee number). Chosen people keep their names while the search moves on.
 */
export function PersonPicker(props: PersonPickerProps) {
  const { t } = useTranslation('innovation');
  const { known = [], exclude = [], placeholder } = props;
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = usePeople({ q }, 1, 20, q !== '');
  // Every person seen in a search or given as known, so a chosen id always has its name.
  const names = useRef(new Map<number, PersonRef>());
  for (const p of known) if (!names.current.has(p.id)) names.current.set(p.id, p);
  for (const p of found.data?.items ?? [])
    names.current.set(p.id, { id: p.id, name: p.name, employeeNo: p.employeeNo, unitName: p.unitName });

  const label = (p: PersonRef) =>
    p.unitName
      ? t('people.optionWithUnit', { name: p.name, no: p.employeeNo, unit: p.unitName })
      : t('people.option', { name: p.name, no: p.employeeNo });
  const chosen: number[] = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const options = (found.data?.items ?? [])
    .filter((p) => !exclude.includes(p.id))
    .map((p) => ({ value: p.id, label: label(names.current.get(p.id)!) }));
  for (const id of chosen) {
    if (options.some((o) => o.value === id)) continue;
    const p = names.current.get(id);
    options.unshift({ value: id, label: p ? label(p) : t('people.unknown', { id }) });
  }
  const common = {
    id: props.id,
    status: props.status,
    'aria-label': props['aria-label'],
    'data-testid': props['data-testid'],
    options,
    placeholder: placeholder ?? t('people.placeholder'),
    showSearch: { filterOption: false, onSearch: setTyped },
    loading: found.isFetching,
    notFoundContent: q
      ? found.isFetching
        ? t('people.searching')
        : t('people.noMatch')
      : t('people.typeToSearch'),
    popupMatchSelectWidth: false,
    style: { width: '100%' },
  };
  if (props.multiple) {
    return (
      <Select<number[]>
        {...common}
        mode="multiple"
        maxCount={props.max}
        value={props.value ?? []}
        onChange={(v) => props.onChange?.(v)}
      />
    );
  }
  return (
    <Select<number>
      {...common}
      allowClear
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? undefined)}
    />
  );
}
