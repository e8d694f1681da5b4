import type { FormEvent, KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_MESSAGE_LENGTH } from '../../../core/conversations';
import { useUploadMaxBytes } from '../api/attachments';
import { errorMessage } from '../api/client';
import { optInRequiredOf, useSendMessage } from '../api/conversations';
import type { PhoneEndpoint } from '../api/types';
import { AttachmentDrafts, PaperClipIcon } from './AttachmentDrafts';
import { attachFiles, clearSentAttachments, useDraftAttachments } from './attachment-store';
import { isUploading, sendableIds } from './attachments';
import { insertAtCursor } from './insert-text';
import { InsertLinkMenu } from './InsertLinkMenu';
import { OptInDialog } from './OptInDialog';
import { TEXT_TOO_LONG_MESSAGE, describeSms, smsInfo } from './segments';
import { TransactionCodeButton } from './TransactionCodeButton';
import type { ComposerTransaction } from './TransactionCodeButton';

/** Unsent text per conversation, so switching conversations does not lose a draft. */
const drafts = new Map<number, string>();

interface ComposerProps {
  conversationId: number;
  closed: boolean;
  /** The conversation texts phones: messages go out as SMS, with a text's length limit. */
  external?: boolean;
  /** The conversation's phones, to name them in the opt-in pop-up. */
  phoneNumbers?: readonly PhoneEndpoint[];
  /**
   * The transaction whose window the composer is in (the Conversation Side Panel): a button
   * beside the paper clip attaches its barcode or QR code.
   */
  transaction?: ComposerTransaction;
}

/**
 * Writes a message: Enter sends, Shift+Enter starts a new line. In an external conversation the
 * box has a yellow outline, the button reads "Send External", and the SMS segments and encoding
 * are counted as the user types; a text over 1,600 characters is refused before sending. A send
 * the server refuses (texting disabled, unsubscribed…) shows the server's words and keeps the
 * draft; one that needs opt-in is held by the server and opens the opt-in pop-up.
 *
 * Files (the paper clip, or dropped on the reading pane) are uploaded at once and listed above
 * the box; Send posts the text and the uploaded files in the order listed, and waits while any
 * file is still uploading. Refused files stay listed with the server's words until removed.
 * "Insert Link" puts one of the company's links, filled in for this conversation, at the cursor.
 */
export function Composer({
  conversationId,
  closed,
  external = false,
  phoneNumbers = [],
  transaction,
}: ComposerProps) {
  const [text, setText] = useState(() => drafts.get(conversationId) ?? '');
  const send = useSendMessage(conversationId);
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [optInFor, setOptInFor] = useState<string[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const files = useDraftAttachments(conversationId);
  const maxBytes = useUploadMaxBytes();
  // Where the cursor goes after an insertion, once the new text is in the box.
  const pendingCursor = useRef<number | null>(null);
  // Until the box has had focus its selection says nothing: an insertion goes at the end.
  const focusedOnce = useRef(false);

  useEffect(() => {
    drafts.set(conversationId, text);
  }, [conversationId, text]);

  useEffect(() => {
    const el = ref.current;
    const cursor = pendingCursor.current;
    if (!el || cursor === null) return;
    pendingCursor.current = null;
    el.focus();
    el.setSelectionRange(cursor, cursor);
  }, [text]);

  const body = text.trim();
  const sms = external ? smsInfo(body) : null;
  const tooLong = sms ? sms.tooLong : body.length > MAX_MESSAGE_LENGTH;
  const attachmentIds = sendableIds(files);
  const uploading = isUploading(files);
  const canSend = (body.length > 0 || attachmentIds.length > 0) && !uploading && !send.isPending && !closed;
  const optInPending = optInRequiredOf(send.error);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!canSend) return;
    // Refused here, before sending: the message under the box says why.
    if (tooLong) return;
    setNote(null);
    send.mutate(
      { body, attachmentIds },
      {
        onSuccess: () => {
          setText((current) => (current.trim() === body ? '' : current));
          clearSentAttachments(conversationId, attachmentIds);
          ref.current?.focus();
        },
        onError: (err) => {
          const held = optInRequiredOf(err);
          if (!held) return;
          // The server kept the message (held): it is in the thread, not in the box any more.
          setText((current) => (current.trim() === body ? '' : current));
          clearSentAttachments(conversationId, attachmentIds);
          setOptInFor(held.numbers.length ? held.numbers : phoneNumbers.map((p) => p.number));
        },
      },
    );
  };

  /** Puts a link in place of the box's selection (a space before it when it would touch a word). */
  const insertLink = (url: string) => {
    const el = ref.current;
    const at = el && focusedOnce.current ? el : null;
    const next = insertAtCursor(text, at?.selectionStart, at?.selectionEnd, url);
    pendingCursor.current = next.cursor;
    setText(next.text);
    setNote(null);
    if (send.isError && !optInPending) send.reset();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (
      e.key === 'Enter' &&
      !e.shiftKey &&
      !e.altKey &&
      !e.ctrlKey &&
      !e.metaKey &&
      !e.nativeEvent.isComposing
    ) {
      e.preventDefault();
      submit();
    }
  };

  const sendLabel = external ? 'Send External' : 'Send';
  return (
    <form className={`composer${external ? ' external' : ''}`} onSubmit={submit}>
      {send.isError && !optInPending && (
        <div className="banner banner-error" role="alert" data-testid="send-error">
          {errorMessage(send.error)}
        </div>
      )}
      {optInPending && !optInFor && (
        <div className="banner banner-warn" role="status">
          The message is held until the recipients opt in.{' '}
          <button type="button" className="link-button" onClick={() => setOptInFor(optInPending.numbers)}>
            Opt-in options
          </button>
        </div>
      )}
      {note && (
        <div className="banner banner-info" role="status">
          {note}
        </div>
      )}
      {closed && (
        <div className="composer-note muted">This conversation is closed. Reopen it to post a message.</div>
      )}
      <AttachmentDrafts conversationId={conversationId} drafts={files} external={external} />
      <div className="composer-row">
        <div className="composer-tools" data-slot="attachments">
          <button
            type="button"
            className="attach-button"
            aria-label="Attach files"
            title="Attach files"
            disabled={closed}
            onClick={() => fileInput.current?.click()}
          >
            <PaperClipIcon />
          </button>
          {transaction && (
            <TransactionCodeButton
              conversationId={conversationId}
              transaction={transaction}
              disabled={closed}
              onAttach={() => {
                if (send.isError && !optInPending) send.reset();
              }}
            />
          )}
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            tabIndex={-1}
            data-testid="attach-input"
            disabled={closed}
            onChange={(e) => {
              const picked = e.currentTarget.files;
              if (picked && picked.length > 0) {
                attachFiles(conversationId, Array.from(picked), maxBytes);
                if (send.isError && !optInPending) send.reset();
              }
              // Cleared, so choosing the same file again is a change too.
              e.currentTarget.value = '';
            }}
          />
        </div>
        <div className="composer-tools" data-slot="links">
          <InsertLinkMenu conversationId={conversationId} disabled={closed} onInsert={insertLink} />
        </div>
        <label htmlFor={id} className="sr-only">
          Message
        </label>
        <textarea
          id={id}
          ref={ref}
          rows={2}
          placeholder={
            external
              ? 'Write a text message. Enter sends, Shift+Enter adds a line.'
              : 'Write a message. Enter sends, Shift+Enter adds a line.'
          }
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setNote(null);
            if (send.isError && !optInPending) send.reset();
          }}
          onKeyDown={onKeyDown}
          onFocus={() => {
            focusedOnce.current = true;
          }}
          disabled={closed}
          aria-invalid={tooLong || undefined}
          aria-describedby={sms && body ? `${id}-segments` : undefined}
        />
        <button
          type="submit"
          className={external ? 'primary send-external' : 'primary'}
          disabled={!canSend || (!external && tooLong)}
        >
          {send.isPending ? 'Sending…' : sendLabel}
        </button>
      </div>
      {sms && body && (
        <div
          id={`${id}-segments`}
          className={`composer-count${tooLong ? ' over' : ''}`}
          data-testid="segment-counter"
        >
          {describeSms(sms)}
        </div>
      )}
      {tooLong &&
        (external ? (
          <div className="field-error" role="alert" data-testid="too-long">
            {TEXT_TOO_LONG_MESSAGE}
          </div>
        ) : (
          <div className="field-error">
            The message is {body.length - MAX_MESSAGE_LENGTH} characters over the limit of{' '}
            {MAX_MESSAGE_LENGTH}.
          </div>
        ))}
      {optInFor && (
        <OptInDialog
          conversationId={conversationId}
          numbers={optInFor}
          phoneNumbers={phoneNumbers}
          onClose={() => setOptInFor(null)}
          onDone={(message) => {
            setOptInFor(null);
            send.reset();
            setNote(message);
          }}
        />
      )}
    </form>
  );
}
