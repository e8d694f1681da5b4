import { Link } from 'react-router-dom';
import type { TagKind } from '../../../core/conversations';
import type { Tag } from '../api/types';

export const TAG_KIND_LABELS: Record<TagKind, string> = {
  user: 'User',
  group: 'Group',
  customer: 'Customer',
  vendor: 'Vendor',
  transaction: 'Transaction',
};

/** Where a tagged record opens, for the kinds that have a screen. */
export function tagHref(tag: { kind: TagKind; id: number }): string | null {
  if (tag.kind === 'customer') return `/customers/${tag.id}`;
  if (tag.kind === 'vendor') return `/vendors/${tag.id}`;
  if (tag.kind === 'transaction') return `/transactions/${tag.id}`;
  return null;
}

export const sameTag = (a: { kind: TagKind; id: number }, b: { kind: TagKind; id: number }) =>
  a.kind === b.kind && a.id === b.id;

interface TagChipProps {
  tag: Tag;
  onRemove?: () => void;
  disabled?: boolean;
}

/** One tag as a chip: its kind, its label (a link for records), and × to untag. */
export function TagChip({ tag, onRemove, disabled }: TagChipProps) {
  const href = tagHref(tag);
  return (
    <span className={`chip chip-${tag.kind}`} data-testid="tag-chip">
      <span className="chip-kind">{TAG_KIND_LABELS[tag.kind]}</span>
      {href ? (
        <Link to={href} className="chip-label">
          {tag.label}
        </Link>
      ) : (
        <span className="chip-label">{tag.label}</span>
      )}
      {onRemove && (
        <button
          type="button"
          className="chip-remove"
          aria-label={`Remove tag ${tag.label}`}
          title={`Remove ${tag.label}`}
          onClick={onRemove}
          disabled={disabled}
        >
          ×
        </button>
      )}
    </span>
  );
}
