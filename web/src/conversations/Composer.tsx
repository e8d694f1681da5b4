import type { FormEvent, KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_MESSAGE_LENGTH, MAX_TEXT_LENGTH } from '../../../core/conversations';
import { errorMessage } from '../api/client';
import { useSendMessage } from '../api/conversations';

/** Unsent text per conversation, so switching conversations does not lose a draft. */
const drafts = new Map<number, string>();

interface ComposerProps {
  conversationId: number;
  closed: boolean;
  /** The conversation texts phones: messages go out as SMS, with a text's length limit. */
  external?: boolean;
}

/**
 * Writes a message: Enter sends, Shift+Enter starts a new line. A send the server refuses (texting
 * not set up, too long for a text…) shows the server's words and keeps the draft. The tools area
 * on the left is where the attachment (paper-clip) button goes for external conversations.
 */
export function Composer({ conversationId, closed, external = false }: ComposerProps) {
  const [text, setText] = useState(() => drafts.get(conversationId) ?? '');
  const send = useSendMessage(conversationId);
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    drafts.set(conversationId, text);
  }, [conversationId, text]);

  const tooLong = text.length > MAX_MESSAGE_LENGTH;
  // A text over Twilio's limit is still sent to the server, which explains the refusal itself.
  const showTextCount = external && text.length > MAX_TEXT_LENGTH * 0.8;
  const canSend = text.trim().length > 0 && !tooLong && !send.isPending && !closed;

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!canSend) return;
    const body = text.trim();
    send.mutate(body, {
      onSuccess: () => {
        setText((current) => (current.trim() === body ? '' : current));
        ref.current?.focus();
      },
    });
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

  return (
    <form className="composer" onSubmit={submit}>
      {send.isError && (
        <div className="banner banner-error" role="alert">
          {errorMessage(send.error)}
        </div>
      )}
      {closed && (
        <div className="composer-note muted">This conversation is closed. Reopen it to post a message.</div>
      )}
      <div className="composer-row">
        <div className="composer-tools" data-slot="attachments" />
        <label htmlFor={id} className="sr-only">
          Message
        </label>
        <textarea
          id={id}
          ref={ref}
          rows={2}
          placeholder="Write a message. Enter sends, Shift+Enter adds a line."
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (send.isError) send.reset();
          }}
          onKeyDown={onKeyDown}
          disabled={closed}
          aria-invalid={tooLong || undefined}
        />
        <button type="submit" className="primary" disabled={!canSend}>
          {send.isPending ? 'Sending…' : 'Send'}
        </button>
      </div>
      {showTextCount && !tooLong && (
        <div className={`composer-count${text.length > MAX_TEXT_LENGTH ? ' over' : ''}`}>
          {text.length.toLocaleString('en-US')} / {MAX_TEXT_LENGTH.toLocaleString('en-US')} characters
        </div>
      )}
      {tooLong && (
        <div className="field-error">
          The message is {text.length - MAX_MESSAGE_LENGTH} characters over the limit of {MAX_MESSAGE_LENGTH}.
        </div>
      )}
    </form>
  );
}
