import type { KeyboardEvent } from 'react';
import { useId, useMemo, useRef, useState } from 'react';
import { useUserGroups, useUsers } from '../api/admin';
import { usePartyList } from '../api/parties';
import { useTransactions } from '../api/transactions';
import type { Tag } from '../api/types';
import { useDebounced } from '../lib/hooks';
import { TAG_KIND_LABELS, sameTag } from './tags';

interface TagPickerProps {
  /** Tags already on the conversation: not offered again. */
  exclude: Tag[];
  onPick: (tag: Tag) => void;
  onClose: () => void;
  /** Anchor to the right edge of the button instead of the left. */
  alignRight?: boolean;
}

const PER_KIND = 6;

/** Finds users, user groups, customers, vendors and transactions to tag a conversation with. */
export function TagPicker({ exclude, onPick, onClose, alignRight }: TagPickerProps) {
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 200);
  const inputId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  const users = useUsers(query);
  const groups = useUserGroups(query);
  const customers = usePartyList('customer', query, 0, PER_KIND);
  const vendors = usePartyList('vendor', query, 0, PER_KIND);
  const transactions = useTransactions({ q: query, limit: PER_KIND });

  const sections = useMemo(() => {
    const lq = query.toLowerCase();
    const list: { title: string; tags: (Tag & { detail?: string })[] }[] = [
      {
        title: 'Users',
        tags: (users.data?.items ?? [])
          .filter((u) => u.active !== false)
          .map((u) => ({ kind: 'user' as const, id: u.id, label: u.name, detail: u.username })),
      },
      {
        title: 'User Groups',
        tags: (groups.data?.items ?? [])
          .filter((g) => !lq || g.name.toLowerCase().includes(lq))
          .map((g) => ({
            kind: 'group' as const,
            id: g.id,
            label: g.name,
            detail: `${g.memberCount} members`,
          })),
      },
      {
        title: 'Customers',
        tags: (customers.data?.items ?? []).map((c) => ({
          kind: 'customer' as const,
          id: c.id,
          label: c.name,
          detail: c.companyName ?? undefined,
        })),
      },
      {
        title: 'Vendors',
        tags: (vendors.data?.items ?? []).map((v) => ({
          kind: 'vendor' as const,
          id: v.id,
          label: v.name,
          detail: v.companyName ?? undefined,
        })),
      },
      {
        title: 'Transactions',
        tags: (transactions.data?.items ?? []).map((t) => ({
          kind: 'transaction' as const,
          id: t.id,
          label: t.transactionId,
          detail: `${t.typeLabel} · ${t.party.name}`,
        })),
      },
    ];
    return list
      .map((s) => ({
        ...s,
        tags: s.tags.filter((t) => !exclude.some((e) => sameTag(e, t))).slice(0, PER_KIND),
      }))
      .filter((s) => s.tags.length > 0);
  }, [query, users.data, groups.data, customers.data, vendors.data, transactions.data, exclude]);

  const loading = users.isFetching || customers.isFetching || vendors.isFetching || transactions.isFetching;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [...(rootRef.current?.querySelectorAll<HTMLElement>('input, [data-pick]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = items[Math.max(0, Math.min(items.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };

  return (
    <div
      className={`tag-picker${alignRight ? ' align-right' : ''}`}
      role="dialog"
      aria-label="Add a tag"
      ref={rootRef}
      onKeyDown={onKeyDown}
    >
      <label htmlFor={inputId} className="tag-picker-label">
        Search users, groups, customers, vendors, transactions
      </label>
      <input
        id={inputId}
        type="search"
        autoFocus
        autoComplete="off"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            const first = sections[0]?.tags[0];
            if (first) onPick(first);
          }
        }}
      />
      <div className="tag-picker-results">
        {sections.map((s) => (
          <div key={s.title} className="tag-picker-section" role="group" aria-label={s.title}>
            <div className="tag-picker-section-title">{s.title}</div>
            {s.tags.map((t) => (
              <button
                type="button"
                key={`${t.kind}:${t.id}`}
                data-pick
                className="tag-picker-item"
                onClick={() => onPick({ kind: t.kind, id: t.id, label: t.label })}
              >
                <span className={`chip-kind chip-kind-${t.kind}`}>{TAG_KIND_LABELS[t.kind]}</span>
                <span className="tag-picker-item-label">{t.label}</span>
                {t.detail && <span className="tag-picker-item-detail">{t.detail}</span>}
              </button>
            ))}
          </div>
        ))}
        {sections.length === 0 && (
          <div className="muted tag-picker-empty">{loading ? 'Searching…' : 'Nothing found.'}</div>
        )}
      </div>
    </div>
  );
}
