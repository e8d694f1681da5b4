import { useId, useState } from 'react';
import { usePartyList } from '../api/parties';
import type { PartyKind } from '../api/types';
import { useDebounced } from '../lib/hooks';

interface PartySelectProps {
  kind: PartyKind;
  value: number | null;
  onChange: (id: number | null) => void;
  invalid?: boolean;
  describedBy?: string;
}

/** Picks the customer (A/R) or vendor (A/P) of a new transaction: type to narrow, then choose. */
export function PartySelect({ kind, value, onChange, invalid, describedBy }: PartySelectProps) {
  const [filter, setFilter] = useState('');
  const q = useDebounced(filter.trim(), 250);
  const list = usePartyList(kind, q, 0, 100);
  const ids = { find: useId(), select: useId() };
  const label = kind === 'customer' ? 'Customer' : 'Vendor';
  const items = list.data?.items ?? [];

  return (
    <div className="party-select">
      <label htmlFor={ids.select} className="sr-only">
        {label}
      </label>
      <select
        id={ids.select}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      >
        <option value="">Choose a {label.toLowerCase()}…</option>
        {items.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.companyName ? ` (${p.companyName})` : ''}
          </option>
        ))}
      </select>
      <label htmlFor={ids.find} className="sr-only">
        Find {label.toLowerCase()}
      </label>
      <input
        id={ids.find}
        type="search"
        placeholder={`Find ${label.toLowerCase()}…`}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
    </div>
  );
}
