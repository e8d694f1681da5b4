import { useLayoutEffect, useRef, useState } from 'react';
import type { Message } from '../api/types';
import { longTime } from '../lib/format';
import { ErrorBanner, Loading } from '../ui/Feedback';

interface MessageListProps {
  messages: Message[];
  myId: number | null;
  loading: boolean;
  error: unknown;
  hasEarlier: boolean;
  loadingEarlier: boolean;
  onLoadEarlier: () => void;
}

function MessageItem({ m, mine }: { m: Message; mine: boolean }) {
  if (m.kind === 'system') {
    return (
      <li data-testid="message" className="message message-system">
        <span className="message-body">{m.body}</span>
        <time dateTime={m.createdAt}>{longTime(m.createdAt)}</time>
      </li>
    );
  }
  return (
    <li data-testid="message" className={`message message-user${mine ? ' mine' : ''}`}>
      <div className="message-meta">
        <span className="message-author">{m.author?.name ?? 'Unknown user'}</span>
        <time dateTime={m.createdAt}>{longTime(m.createdAt)}</time>
      </div>
      <div className="message-body">{m.body}</div>
    </li>
  );
}

/**
 * The messages of the open conversation, oldest at the top. It stays scrolled to the bottom as
 * messages arrive (unless the reader has scrolled up), and keeps its place when earlier ones load.
 */
export function MessageList({
  messages,
  myId,
  loading,
  error,
  hasEarlier,
  loadingEarlier,
  onLoadEarlier,
}: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const prev = useRef({ firstId: 0, lastId: 0, height: 0 });
  const [announcement, setAnnouncement] = useState('');

  const firstId = messages[0]?.id ?? 0;
  const last = messages[messages.length - 1];
  const lastId = last?.id ?? 0;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const p = prev.current;
    if (p.lastId === 0 && lastId !== 0) {
      el.scrollTop = el.scrollHeight;
    } else if (firstId !== p.firstId && lastId === p.lastId) {
      // Earlier messages were put above: keep the same message under the reader's eyes.
      el.scrollTop += el.scrollHeight - p.height;
    } else if (lastId !== p.lastId) {
      if (atBottom.current || last?.author?.id === myId) el.scrollTop = el.scrollHeight;
      if (last && last.author?.id !== myId && p.lastId !== 0) {
        setAnnouncement(`New message from ${last.author?.name ?? 'the system'}: ${last.body.slice(0, 140)}`);
      }
    }
    prev.current = { firstId, lastId, height: el.scrollHeight };
  }, [firstId, lastId, last, myId]);

  return (
    <div
      className="message-scroller"
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
    >
      {hasEarlier && (
        <div className="load-earlier">
          <button type="button" className="small" onClick={onLoadEarlier} disabled={loadingEarlier}>
            {loadingEarlier ? 'Loading…' : 'Load earlier messages'}
          </button>
        </div>
      )}
      <ErrorBanner error={error} />
      {loading ? (
        <Loading label="Loading messages…" />
      ) : (
        <ol className="messages" aria-label="Conversation history">
          {messages.map((m) => (
            <MessageItem key={m.id} m={m} mine={m.author?.id === myId} />
          ))}
          {messages.length === 0 && !error && (
            <li className="muted messages-empty">No messages yet. Write the first one below.</li>
          )}
        </ol>
      )}
      <div className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
