import type { DragEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { useUploadMaxBytes } from '../api/attachments';
import { ApiError } from '../api/client';
import {
  flattenMessages,
  useClaimConversation,
  useConversation,
  useMarkRead,
  useMessages,
} from '../api/conversations';
import { useSession } from '../api/auth';
import { ErrorBanner, Loading } from '../ui/Feedback';
import { attachFiles } from './attachment-store';
import { Composer } from './Composer';
import { ConversationHeader } from './ConversationHeader';
import { MessageList } from './MessageList';
import { ClaimError, OrphanBar, SaveNumberPrompt, wasOrphan } from './Orphan';
import type { NoticeState } from './notices';
import type { ComposerTransaction } from './TransactionCodeButton';

/**
 * A notice the previous screen left for this conversation ("you were taken to it"). It stays until
 * dismissed; a later arrival with a notice of its own (landing on the conversation already shown,
 * as in the Conversation Side Panel) shows that one.
 */
function ArrivalNotice() {
  const location = useLocation();
  const incoming = (location.state as NoticeState | null)?.notice ?? null;
  const [shown, setShown] = useState({ key: location.key, notice: incoming });
  if (incoming && shown.key !== location.key) setShown({ key: location.key, notice: incoming });
  const notice = shown.notice;
  const setNotice = (n: string | null) => setShown({ key: location.key, notice: n });
  if (!notice) return null;
  return (
    <div className="banner banner-info arrival-notice" role="status" data-testid="conversation-notice">
      {notice}{' '}
      <button type="button" className="link-button" onClick={() => setNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}

/** Marks the conversation read up to the newest message shown, once per newest message. */
function useMarkReadWhenShown(conversationId: number, newestId: number | null) {
  const markRead = useMarkRead();
  const marked = useRef<number | null>(null);
  const { mutate } = markRead;
  useEffect(() => {
    if (newestId === null) return;
    const mark = () => {
      if (document.visibilityState !== 'visible' || marked.current === newestId) return;
      marked.current = newestId;
      mutate({ conversationId, messageId: newestId });
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [conversationId, newestId, mutate]);
}

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * Files dragged anywhere onto the reading pane are attached to the composer's message; while they
 * are over it an overlay says so. Not on a closed conversation (nothing can be posted there).
 */
function useFileDrop(conversationId: number, enabled: boolean) {
  const [over, setOver] = useState(false);
  // dragenter / dragleave fire for every child crossed: count them to know when the pane is left.
  const depth = useRef(0);
  const maxBytes = useUploadMaxBytes();
  const reset = () => {
    depth.current = 0;
    setOver(false);
  };
  const handlers = {
    onDragEnter: (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      if (enabled) setOver(true);
    },
    onDragOver: (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Taking the drag over keeps the browser from opening the file in place of the app.
      e.preventDefault();
      e.dataTransfer.dropEffect = enabled ? 'copy' : 'none';
    },
    onDragLeave: (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    },
    onDrop: (e: DragEvent) => {
      const files = e.dataTransfer ? Array.from(e.dataTransfer.files) : [];
      if (files.length === 0 && !carriesFiles(e)) return;
      e.preventDefault();
      reset();
      if (enabled && files.length > 0) attachFiles(conversationId, files, maxBytes);
    },
  };
  return { over: over && enabled, handlers };
}

interface ReadingPaneProps {
  id: number;
  /**
   * Set in a transaction window's Conversation Side Panel: the composer offers the transaction's
   * barcode / QR code beside the paper clip.
   */
  transaction?: ComposerTransaction;
  /**
   * Shows another conversation (adding numbers can land on another thread), with the notice to
   * show on arrival; by default the Conversations window opens it.
   */
  onOpenConversation?: (id: number, notice: string | null) => void;
}

/** The right side of the Conversations window for one conversation (also in the Conversation Side Panel). */
export function ReadingPane({ id, transaction, onOpenConversation }: ReadingPaneProps) {
  const conversation = useConversation(id);
  const messages = useMessages(id);
  const session = useSession();
  const claim = useClaimConversation(id);
  const all = flattenMessages(messages.data);
  const newest = all.length ? all[all.length - 1]!.id : null;
  useMarkReadWhenShown(id, messages.isSuccess ? newest : null);
  const drop = useFileDrop(id, conversation.isSuccess && conversation.data.status !== 'closed');

  if (conversation.isPending) {
    return (
      <section className="reading-pane" aria-label="Reading pane">
        <Loading />
      </section>
    );
  }
  if (conversation.isError) {
    const err = conversation.error;
    const gone = err instanceof ApiError && (err.status === 404 || err.status === 403);
    return (
      <section className="reading-pane reading-pane-empty" aria-label="Reading pane">
        <ClaimError claim={claim} />
        {gone ? (
          <p className="muted">This conversation does not exist or you are not tagged in it.</p>
        ) : (
          <ErrorBanner error={err} />
        )}
      </section>
    );
  }
  const c = conversation.data;
  return (
    <section
      className={`reading-pane${drop.over ? ' drag-over' : ''}`}
      aria-label="Reading pane"
      data-testid="drop-zone"
      {...drop.handlers}
    >
      {drop.over && (
        <div className="drop-overlay">
          <span className="drop-overlay-text">Drop files to attach</span>
        </div>
      )}
      <OrphanBar conversation={c} claim={claim} />
      <ClaimError claim={claim} />
      <ConversationHeader conversation={c} onOpenConversation={onOpenConversation} />
      <ArrivalNotice />
      <SaveNumberPrompt conversation={c} show={wasOrphan(c, all)} />
      <MessageList
        conversationId={id}
        messages={all}
        phoneNumbers={c.phoneNumbers}
        myId={session.data?.user.id ?? null}
        isAdmin={session.data?.user.role === 'admin'}
        loading={messages.isPending}
        error={messages.error}
        hasEarlier={messages.hasNextPage}
        loadingEarlier={messages.isFetchingNextPage}
        onLoadEarlier={() => void messages.fetchNextPage()}
      />
      <Composer
        key={id}
        conversationId={id}
        closed={c.status === 'closed'}
        external={c.external ?? c.phoneNumbers.length > 0}
        phoneNumbers={c.phoneNumbers}
        transaction={transaction}
      />
    </section>
  );
}
