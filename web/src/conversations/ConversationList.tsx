import type { KeyboardEvent } from 'react';
import { useId } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import type { StatusFilter } from '../api/conversations';
import { useConversationList, useConversationSearch } from '../api/conversations';
import type { ConversationSummary } from '../api/types';
import { useDebounced } from '../lib/hooks';
import { ErrorBanner, Loading } from '../ui/Feedback';
import { ConversationItem } from './ConversationItem';

const FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
];

export function readStatus(sp: URLSearchParams): StatusFilter {
  const s = sp.get('status');
  return s === 'closed' || s === 'all' ? s : 'open';
}

/** Up and Down move between conversations in the list; Enter opens the focused one. */
function moveFocus(e: KeyboardEvent<HTMLUListElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>('a')];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next =
    links[at === -1 ? 0 : Math.max(0, Math.min(links.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

/** The left side of the Conversations window: filter, search and the list. */
export function ConversationList({ selectedId }: { selectedId: number | null }) {
  const [sp, setSp] = useSearchParams();
  const location = useLocation();
  const status = readStatus(sp);
  const q = sp.get('q') ?? '';
  const query = useDebounced(q.trim(), 250);
  const searchId = useId();

  const list = useConversationList(status);
  const search = useConversationSearch(query);
  const searching = query.length > 0;

  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(sp);
    if (value) next.set(key, value);
    else next.delete(key);
    setSp(next, { replace: true });
  };

  const items: ConversationSummary[] = searching
    ? (search.data?.items ?? [])
    : (list.data?.pages.flatMap((p) => p.items) ?? []);
  const pending = searching ? search.isPending : list.isPending;
  const error = searching ? search.error : list.error;

  return (
    <div className="conv-list-pane">
      <div className="conv-list-tools">
        <fieldset className="segmented" disabled={searching}>
          <legend className="sr-only">Show</legend>
          {FILTERS.map((f) => (
            <label key={f.value} className={status === f.value ? 'checked' : undefined}>
              <input
                type="radio"
                name="conversation-status"
                value={f.value}
                checked={status === f.value}
                onChange={() => update('status', f.value === 'open' ? null : f.value)}
              />
              {f.label}
            </label>
          ))}
        </fieldset>
        <label htmlFor={searchId} className="sr-only">
          Search conversations
        </label>
        <input
          id={searchId}
          type="search"
          className="conv-search"
          placeholder="Search conversations"
          value={q}
          onChange={(e) => update('q', e.target.value || null)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && q) {
              e.preventDefault();
              update('q', null);
            }
          }}
        />
      </div>
      {searching && (
        <div className="conv-list-caption" role="status">
          {search.isPending
            ? 'Searching…'
            : `${items.length} ${items.length === 1 ? 'result' : 'results'} for “${query}”`}
        </div>
      )}
      <ErrorBanner error={error} />
      {pending ? (
        <Loading />
      ) : (
        <ul
          className="conv-list"
          aria-label={searching ? 'Search results' : 'Conversations'}
          onKeyDown={moveFocus}
        >
          {items.map((c) => (
            <ConversationItem
              key={c.id}
              c={c}
              selected={c.id === selectedId}
              href={`/conversations/${c.id}${location.search}`}
            />
          ))}
          {items.length === 0 && !error && (
            <li className="conv-list-empty muted">
              {searching
                ? 'No conversations match.'
                : `No ${status === 'all' ? '' : status + ' '}conversations.`}
            </li>
          )}
        </ul>
      )}
      {!searching && list.hasNextPage && (
        <button
          type="button"
          className="conv-list-more"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Load more conversations'}
        </button>
      )}
    </div>
  );
}
