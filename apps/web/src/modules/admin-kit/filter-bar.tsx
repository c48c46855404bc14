import { SearchOutlined } from '@ant-design/icons';
import { Input, Select, type SelectProps } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import './admin-kit.css';

/** A list page's search box and filters in a wrapping row; on a phone each takes a full line. */
export function FilterBar({ children }: { children: ReactNode }) {
  return <div className="ll-filter-bar">{children}</div>;
}

/**
 * The search box of a filter bar: it shows what is typed, and searches (trimmed) on Enter or
 * the button; a new `value` from the address replaces what is typed.
 */
export function SearchFilter({
  value,
  onSearch,
  placeholder,
  width,
  testId,
}: {
  value: string | undefined;
  onSearch: (q: string) => void;
  placeholder: string;
  width: number;
  testId?: string;
}) {
  const [typed, setTyped] = useState(value ?? '');
  useEffect(() => setTyped(value ?? ''), [value]);
  return (
    <Input.Search
      allowClear
      value={typed}
      onChange={(e) => setTyped(e.target.value)}
      onSearch={(v) => onSearch(v.trim())}
      placeholder={placeholder}
      aria-label={placeholder}
      enterButton={<SearchOutlined />}
      style={{ width }}
      data-testid={testId}
    />
  );
}

/** A clearable choice of a filter bar, named by its placeholder. */
export function SelectFilter({
  value,
  onChange,
  label,
  options,
  width,
  testId,
}: {
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  label: string;
  options: SelectProps['options'];
  width: number;
  testId?: string;
}) {
  return (
    <Select
      allowClear
      value={value}
      onChange={onChange}
      placeholder={label}
      aria-label={label}
      options={options}
      style={{ width }}
      data-testid={testId}
    />
  );
}
