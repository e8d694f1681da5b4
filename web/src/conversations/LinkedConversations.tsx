import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useConversationList } from '../api/conversations';
import type { Tag } from '../api/types';
import { LinkedConversationList } from './LinkedConversationList';
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
      <LinkedConversationList
        list={list}
        label={`Conversations tagged with ${tag.label}`}
        className="conv-list conv-list-linked"
        moreClassName="small"
        hrefFor={(id) => `/conversations/${id}?status=all`}
      />
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
