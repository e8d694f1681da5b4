import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useConversationList } from '../api/conversations';
import type { Tag } from '../api/types';
import { ErrorBanner, Loading } from '../ui/Feedback';
import { ConversationItem } from './ConversationItem';
import { NewConversationDialog } from './NewConversationDialog';
import { StartTextDialog } from './StartTextDialog';
import type { PartyPhone } from './StartTextDialog';

interface LinkedConversationsProps {
  tag: Tag;
  /** A customer's or vendor's numbers: "Add Phone Number" texts one of them (or one typed in). */
  phones?: PartyPhone[];
}

/** The conversations tagged with a record, and buttons to start one tagged with it. */
export function LinkedConversations({ tag, phones }: LinkedConversationsProps) {
  const list = useConversationList('all', `${tag.kind}:${tag.id}`);
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [texting, setTexting] = useState(false);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canText = phones !== undefined && (tag.kind === 'customer' || tag.kind === 'vendor');

  return (
    <section className="panel linked-conversations" aria-labelledby={`linked-${tag.kind}-${tag.id}`}>
      <div className="panel-head">
        <h2 id={`linked-${tag.kind}-${tag.id}`}>Conversations</h2>
        <div className="panel-head-actions">
          {canText && (
            <button type="button" className="small" onClick={() => setTexting(true)}>
              Add Phone Number
            </button>
          )}
          <button type="button" className="small" onClick={() => setCreating(true)}>
            New Conversation
          </button>
        </div>
      </div>
      <ErrorBanner error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <ul className="conv-list conv-list-linked" aria-label={`Conversations tagged with ${tag.label}`}>
          {items.map((c) => (
            <ConversationItem key={c.id} c={c} href={`/conversations/${c.id}?status=all`} />
          ))}
          {items.length === 0 && !list.error && (
            <li className="conv-list-empty muted">No conversations yet.</li>
          )}
        </ul>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="small"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          Load more conversations
        </button>
      )}
      {creating && (
        <NewConversationDialog
          initialTags={[tag]}
          onClose={() => setCreating(false)}
          onCreated={(c) => navigate(`/conversations/${c.id}`)}
        />
      )}
      {texting && canText && <StartTextDialog tag={tag} phones={phones} onClose={() => setTexting(false)} />}
    </section>
  );
}
