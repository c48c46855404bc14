import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The filter values of a list page, as strings (absent = not set). */
export type UrlFilters<K extends string> = Partial<Record<K, string>>;

/**
 * A list page's filters and page number kept in the address, so that going back from a detail
 * page, reloading or sharing a link shows the same list. Changing a filter returns to page 1.
 */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [UrlFilters<K>, (patch: Partial<Record<K, string | number | boolean | null | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  const values: UrlFilters<K> = {};
  for (const key of keys) {
    const v = params.get(key);
    if (v !== null && v !== '') values[key] = v;
  }
  const update = useCallback(
    (patch: Partial<Record<K, string | number | boolean | null | undefined>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === '' || value === false) next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [values, update];
}

/** A positive integer filter value, or undefined. */
export function idParam(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
