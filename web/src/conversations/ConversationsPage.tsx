import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTitle } from '../lib/hooks';
import { ConversationList } from './ConversationList';
import { NewConversationDialog } from './NewConversationDialog';
import { ReadingPane } from './ReadingPane';

/** The Conversations window: the list on the left, the reading pane for /conversations/:id on the right. */
export function ConversationsPage() {
  useTitle('Conversations');
  const params = useParams();
  const navigate = useNavigate();
  const id = params.id && /^\d+$/.test(params.id) ? Number(params.id) : null;
  const [creating, setCreating] = useState(false);

  return (
    <main className="conversations-window">
      <aside className="conv-sidebar" aria-label="Conversation list">
        <div className="conv-sidebar-head">
          <h1>Conversations</h1>
          <button type="button" className="primary small" onClick={() => setCreating(true)}>
            New Conversation
          </button>
        </div>
        <ConversationList selectedId={id} />
      </aside>
      {id !== null ? (
        <ReadingPane key={id} id={id} />
      ) : (
        <section className="reading-pane reading-pane-empty" aria-label="Reading pane">
          <p className="muted">
            {params.id ? 'That conversation does not exist.' : 'Select a conversation to read it.'}
          </p>
        </section>
      )}
      {creating && (
        <NewConversationDialog
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            navigate(`/conversations/${c.id}`);
          }}
        />
      )}
    </main>
  );
}
