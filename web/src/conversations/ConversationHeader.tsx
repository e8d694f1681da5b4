import { errorMessage } from '../api/client';
import { useAddTag, useRemoveTag, useSetStatus } from '../api/conversations';
import type { Conversation } from '../api/types';
import { longTime } from '../lib/format';
import { TagButton } from './TagButton';
import { TagChip } from './tags';

/**
 * Subject, type, tags and status of the open conversation. The left and right corners are kept
 * for the external-texting indicators (phone numbers; "External Conversation").
 */
export function ConversationHeader({ conversation: c }: { conversation: Conversation }) {
  const addTag = useAddTag(c.id);
  const removeTag = useRemoveTag(c.id);
  const setStatus = useSetStatus(c.id);
  const error = addTag.error ?? removeTag.error ?? setStatus.error;
  const closed = c.status === 'closed';

  return (
    <header className="conv-header">
      <div className="conv-header-row">
        <div className="conv-header-main">
          <div className="conv-header-endpoints" data-slot="external-endpoints" />
          <h2 className="conv-subject">{c.subject}</h2>
          <div className="conv-header-meta">
            <span className="conv-type" title="Conversation type">
              {c.type?.name ?? 'No type'}
            </span>
            <span className={`pill pill-${c.status}`}>{closed ? 'Closed' : 'Open'}</span>
            {c.createdBy && (
              <span className="muted">
                Started by {c.createdBy.name}, {longTime(c.createdAt)}
              </span>
            )}
          </div>
        </div>
        <div className="conv-header-aside">
          <div className="conv-header-indicators" data-slot="external-indicator" />
          <button
            type="button"
            onClick={() => setStatus.mutate(closed ? 'reopen' : 'close')}
            disabled={setStatus.isPending}
          >
            {closed ? 'Reopen' : 'Close'}
          </button>
        </div>
      </div>
      <div className="conv-tags" role="group" aria-label="Tags">
        {c.tags.map((t) => (
          <TagChip
            key={`${t.kind}:${t.id}`}
            tag={t}
            disabled={removeTag.isPending}
            onRemove={() => removeTag.mutate({ kind: t.kind, id: t.id })}
          />
        ))}
        {c.tags.length === 0 && <span className="muted">No tags</span>}
        <TagButton
          exclude={c.tags}
          onPick={(t) => addTag.mutate({ kind: t.kind, id: t.id })}
          disabled={addTag.isPending}
        />
      </div>
      {error && (
        <div className="banner banner-error" role="alert">
          {errorMessage(error)}
        </div>
      )}
    </header>
  );
}
