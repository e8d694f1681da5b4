import { useLayoutEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { useTimeZone } from '../api/auth';
import { useDeleteMessage, useDiscardHeld } from '../api/conversations';
import type { Message, PhoneEndpoint } from '../api/types';
import { ContactCardButton } from '../contacts/ContactCardButton';
import { fullTime, longTime } from '../lib/format';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner, Loading } from '../ui/Feedback';
import { describeAttachments } from './attachments';
import { MessageTransactionLine } from './CreateTransaction';
import { DeliveryList } from './DeliveryList';
import { MessageAttachments } from './MessageAttachments';
import { ThreadHistory } from './ThreadHistory';
import { senderName } from './texting';

interface MessageListProps {
  conversationId: number;
  messages: Message[];
  /** The conversation's external phones, to name the sender of inbound texts and each recipient. */
  phoneNumbers: PhoneEndpoint[];
  myId: number | null;
  /** Administrators may discard anyone's held message. */
  isAdmin?: boolean;
  loading: boolean;
  error: unknown;
  hasEarlier: boolean;
  loadingEarlier: boolean;
  onLoadEarlier: () => void;
}

function Time({ iso, timeZone }: { iso: string; timeZone: string | undefined }) {
  return (
    <time dateTime={iso} title={fullTime(iso, timeZone)}>
      {longTime(iso, timeZone)}
    </time>
  );
}

interface MessageItemProps {
  m: Message;
  conversationId: number;
  mine: boolean;
  phoneNumbers: PhoneEndpoint[];
  timeZone: string | undefined;
  /** Set when the reader may discard this (held) message. */
  onDiscard?: () => void;
  discarding?: boolean;
  /** Set when the reader may delete this message (its author, or an administrator). */
  onDelete?: () => void;
}

export const DELETE_WARNING =
  "Deleting this message removes it from Switchboard. It does not remove it from the recipient's phone.";

/** "Delete Message": says plainly that the phone keeps its copy. */
export function DeleteMessageDialog({
  onConfirm,
  onClose,
  pending,
  error,
}: {
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  error: unknown;
}) {
  return (
    <Dialog title="Delete Message" onClose={onClose}>
      <div className="dialog-body">
        <p data-testid="delete-warning">{DELETE_WARNING}</p>
        {error ? (
          <div className="banner banner-error" role="alert">
            {errorMessage(error)}
          </div>
        ) : null}
        <div className="form-actions">
          <button type="button" className="primary danger" onClick={onConfirm} disabled={pending}>
            {pending ? 'Deleting…' : 'Delete'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** Above a text from a phone: who sent it, as the button to that number's Contact Card. */
function InboundSender({ m, phoneNumbers }: { m: Message; phoneNumbers: PhoneEndpoint[] }) {
  const number = m.phoneNumber;
  if (!number) return <span className="message-author">Unknown phone</span>;
  const p = phoneNumbers.find((x) => x.number === number);
  return (
    <ContactCardButton
      number={number}
      label={p?.label ?? senderName(m, phoneNumbers)}
      consent={p?.consent}
      textingDisabled={p?.textingDisabled}
      showLabel
      className="message-author"
    />
  );
}

function MessageItem({
  m,
  conversationId,
  mine,
  phoneNumbers,
  timeZone,
  onDiscard,
  discarding,
  onDelete,
}: MessageItemProps) {
  if (m.kind === 'system') {
    return (
      <li data-testid="message" className="message message-system">
        <span className="message-body">{m.body}</span>
        <Time iso={m.createdAt} timeZone={timeZone} />
      </li>
    );
  }
  const inbound = m.direction === 'inbound';
  const outbound = m.direction === 'outbound';
  const held = outbound && m.held;
  const classes = ['message', 'message-user', `message-${m.direction}`];
  if (mine && !inbound) classes.push('mine');
  if (held) classes.push('message-held');
  if (m.deleted) classes.push('message-deleted');
  const attachments = m.deleted ? [] : (m.attachments ?? []);
  const content = (
    <>
      <div className="message-meta">
        {inbound ? (
          <InboundSender m={m} phoneNumbers={phoneNumbers} />
        ) : (
          <span className="message-author">{senderName(m, phoneNumbers)}</span>
        )}
        {inbound && <span className="message-via">Text message</span>}
        {outbound && !held && <span className="message-via">Texted</span>}
        <Time iso={m.createdAt} timeZone={timeZone} />
        {onDelete && !m.deleted && (
          <button type="button" className="small link-button message-delete" onClick={onDelete}>
            {/* Named by its content, not aria-label: getByLabel('Message') must still find only the composer. */}
            Delete<span className="sr-only"> message</span>
          </button>
        )}
      </div>
      {m.deleted ? (
        <div className="message-body deleted-message" data-testid="deleted-message">
          Message deleted by {m.deleted.by ?? 'someone'} at <Time iso={m.deleted.at} timeZone={timeZone} />
        </div>
      ) : (
        // A message of files alone has no text: no empty line above them.
        (m.body !== '' || attachments.length === 0) && <div className="message-body">{m.body}</div>
      )}
      <MessageAttachments
        attachments={attachments}
        direction={m.direction}
        conversationId={conversationId}
        timeZone={timeZone}
      />
      <MessageTransactionLine m={m} conversationId={conversationId} />
    </>
  );
  return (
    <li data-testid="message" className={classes.join(' ')} data-direction={m.direction}>
      {held ? (
        <div data-testid="held-message" className="held">
          {content}
          <div className="held-line">
            <span className="held-badge">Waiting for opt-in</span>
            <span className="muted"> — not texted yet; it is sent once the recipients opt in.</span>
            {onDiscard && (
              <button type="button" className="small danger-text" onClick={onDiscard} disabled={discarding}>
                Discard
              </button>
            )}
          </div>
        </div>
      ) : (
        <>
          {content}
          {outbound && !m.deleted && <DeliveryList deliveries={m.deliveries} phoneNumbers={phoneNumbers} />}
        </>
      )}
    </li>
  );
}

/**
 * The messages of the open conversation, oldest at the top. It stays scrolled to the bottom as
 * messages arrive (unless the reader has scrolled up), and keeps its place when earlier ones load.
 */
export function MessageList({
  conversationId,
  messages,
  phoneNumbers,
  myId,
  isAdmin = false,
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
  const timeZone = useTimeZone();
  const discard = useDiscardHeld(conversationId);
  const del = useDeleteMessage(conversationId);
  const [deleting, setDeleting] = useState<number | null>(null);

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
      const own = !!last && last.direction !== 'inbound' && last.author?.id === myId;
      if (atBottom.current || own) el.scrollTop = el.scrollHeight;
      if (last && !own && p.lastId !== 0) {
        const from =
          last.author || last.direction === 'inbound' ? senderName(last, phoneNumbers) : 'the system';
        const what = last.body || describeAttachments(last.attachments ?? []);
        setAnnouncement(`New message from ${from}: ${what.slice(0, 140)}`);
      }
    }
    prev.current = { firstId, lastId, height: el.scrollHeight };
  }, [firstId, lastId, last, myId, phoneNumbers]);

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
      <ThreadHistory conversationId={conversationId} external={phoneNumbers.length > 0} />
      <ErrorBanner error={error ?? discard.error} />
      {loading ? (
        <Loading label="Loading messages…" />
      ) : (
        <ol className="messages" aria-label="Conversation history">
          {messages.map((m) => (
            <MessageItem
              key={m.id}
              m={m}
              conversationId={conversationId}
              mine={m.author !== null && m.author.id === myId}
              phoneNumbers={phoneNumbers}
              timeZone={timeZone}
              onDiscard={
                m.held && (isAdmin || (m.author !== null && m.author.id === myId))
                  ? () => discard.mutate(m.id)
                  : undefined
              }
              discarding={discard.isPending && discard.variables === m.id}
              onDelete={
                !m.held && (isAdmin || (m.author !== null && m.author.id === myId))
                  ? () => {
                      del.reset();
                      setDeleting(m.id);
                    }
                  : undefined
              }
            />
          ))}
          {messages.length === 0 && !error && (
            <li className="muted messages-empty">No messages yet. Write the first one below.</li>
          )}
        </ol>
      )}
      <div className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {deleting !== null && (
        <DeleteMessageDialog
          pending={del.isPending}
          error={del.error}
          onClose={() => setDeleting(null)}
          onConfirm={() => del.mutate(deleting, { onSuccess: () => setDeleting(null) })}
        />
      )}
    </div>
  );
}
