import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The value, once it has stopped changing for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** Sets document.title for the current screen. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Switchboard` : 'Switchboard';
  }, [title]);
}

/**
 * A list page's state in its address (search, filters, offset): the parameters, the offset read
 * from them, and a setter that replaces (not pushes) the history entry; blank values are removed.
 */
export function useListParams() {
  const [sp, setSp] = useSearchParams();
  const offset = Math.max(0, Number(sp.get('offset') ?? 0) || 0);
  const setParam = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSp(next, { replace: true });
  };
  return { sp, offset, setParam };
}
