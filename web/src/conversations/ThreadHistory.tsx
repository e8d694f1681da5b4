import { Link } from 'react-router-dom';
import { useTimeZone } from '../api/auth';
import { useThreadHistory } from '../api/conversations';
import { shortTime } from '../lib/format';

/**
 * Earlier, closed conversations with the same phone numbers, above the thread: a number keeps
 * one thread at a time, and its past ones stay reachable from here.
 */
export function ThreadHistory({ conversationId, external }: { conversationId: number; external: boolean }) {
  const history = useThreadHistory(conversationId, external);
  const timeZone = useTimeZone();
  const items = history.data?.items ?? [];
  if (!external || items.length === 0) return null;
  return (
    <nav className="thread-history" aria-labelledby={`thread-history-${conversationId}`}>
      <div id={`thread-history-${conversationId}`} className="thread-history-title">
        Earlier conversations with these numbers
      </div>
      <ul>
        {items.map((c) => (
          <li key={c.id}>
            <Link to={`/conversations/${c.id}?status=all`}>{c.subject}</Link>{' '}
            <span className="muted">
              · {c.status === 'closed' ? 'Closed' : 'Open'} · {shortTime(c.lastActivityAt, timeZone)}
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
