import type { Page } from '../api/types';

interface PagerProps {
  /** The index of the first row shown (0 on the first page). */
  offset: number;
  /** The rows per page. */
  pageSize: number;
  /** The page shown (its rows, and whether another follows); undefined while it loads or failed. */
  page: Page<unknown> | undefined;
  /** Goes to the page starting at this offset (null for the first page). */
  onOffset: (offset: string | null) => void;
}

/** Under a paged list: "Previous", the range shown ("51–100"), "Next". */
export function Pager({ offset, pageSize, page, onOffset }: PagerProps) {
  const count = page?.items.length ?? 0;
  return (
    <div className="pager">
      <button
        type="button"
        className="small"
        disabled={offset === 0}
        onClick={() => onOffset(offset - pageSize > 0 ? String(offset - pageSize) : null)}
      >
        Previous
      </button>
      <span className="muted">{count ? `${offset + 1}–${offset + count}` : ''}</span>
      <button
        type="button"
        className="small"
        disabled={!page?.hasMore}
        onClick={() => onOffset(String(offset + pageSize))}
      >
        Next
      </button>
    </div>
  );
}
