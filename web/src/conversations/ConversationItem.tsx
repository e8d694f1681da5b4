import { UNREAD_COUNT_CAP } from '../../../core/conversations';
import { Link } from 'react-router-dom';
import { useTimeZone } from '../api/auth';
import type { ConversationSummary } from '../api/types';
import { fullTime, shortTime } from '../lib/format';

interface ConversationItemProps {
  c: ConversationSummary;
  href: string;
  selected?: boolean;
}

/** One row of the conversation list: subject, last message preview, time, unread count. */
export function ConversationItem({ c, href, selected }: ConversationItemProps) {
  const timeZone = useTimeZone();
  const unread = c.unreadCount > 0;
  const last = c.lastMessage;
  // System messages already start with who did it ("Avery Admin closed the conversation.").
  const byline = last?.authorName && !last.body.startsWith(last.authorName) ? `${last.authorName}: ` : '';
  // A deleted message keeps no text (its placeholder is in the thread); an attachment message has only its files.
  const body = !last ? '' : last.deleted ? 'Message deleted' : last.body || (last.attachmentNames.length ? `${last.attachmentNames.length > 1 ? 'Attachments' : 'Attachment'}: ${last.attachmentNames.join(', ')}` : '');
  const preview = last ? `${byline}${body}` : 'No messages yet';
  return (
    <li
      data-testid="conversation-item"
      className={`conv-item${selected ? ' selected' : ''}${unread ? ' unread' : ''}${c.status === 'closed' ? ' closed' : ''}`}
    >
      <Link to={href} aria-current={selected ? 'page' : undefined}>
        <span className="conv-item-top">
          <span className="conv-item-subject">{c.subject}</span>
          <time
            className="conv-item-time"
            dateTime={c.lastActivityAt}
            title={fullTime(c.lastActivityAt, timeZone)}
          >
            {shortTime(c.lastActivityAt, timeZone)}
          </time>
        </span>
        <span className="conv-item-bottom">
          <span className="conv-item-preview">{preview}</span>
          {c.orphan && (
            <span className="pill pill-orphan" title={`Waiting in ${c.orphan.groupName} to be claimed`}>
              Unclaimed
            </span>
          )}
          {c.status === 'closed' && <span className="pill pill-closed">Closed</span>}
          {unread && (
            <>
              <span className="badge" data-testid="unread-badge">
                {c.unreadCount >= UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP - 1}+` : c.unreadCount}
              </span>
              <span className="sr-only"> unread</span>
            </>
          )}
        </span>
      </Link>
    </li>
  );
}
