import type { useConversationList } from '../api/conversations';
import { ErrorBanner, Loading } from '../ui/Feedback';
import { ConversationItem } from './ConversationItem';

interface LinkedConversationListProps {
  /** The conversations tagged with the record (all statuses), page by page. */
  list: ReturnType<typeof useConversationList>;
  /** The list's accessible name, e.g. "Conversations tagged with INV-1001". */
  label: string;
  /** The list's classes. */
  className: string;
  /** The classes of its "Load more conversations" button. */
  moreClassName: string;
  /** Where each conversation's row leads. */
  hrefFor: (id: number) => string;
  /** The conversation shown beside the list, marked as the current one. */
  selected?: number | null;
}

/**
 * The conversations tagged with a record: its error, "Loading…", the rows (or "No conversations
 * yet."), and "Load more conversations" while there are more.
 */
export function LinkedConversationList({
  list,
  label,
  className,
  moreClassName,
  hrefFor,
  selected,
}: LinkedConversationListProps) {
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <ErrorBanner error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <ul className={className} aria-label={label}>
          {items.map((c) => (
            <ConversationItem key={c.id} c={c} href={hrefFor(c.id)} selected={c.id === selected} />
          ))}
          {items.length === 0 && !list.error && (
            <li className="conv-list-empty muted">No conversations yet.</li>
          )}
        </ul>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className={moreClassName}
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          Load more conversations
        </button>
      )}
    </>
  );
}
