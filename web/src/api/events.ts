import type { QueryClient } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { appendMessage, applyDelivery, conversationKeys, replaceMessage } from './conversations';
import type { Delivery, Message } from './types';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

function parse<T>(e: MessageEvent): T | null {
  try {
    return JSON.parse(String(e.data)) as T;
  } catch {
    return null;
  }
}

function onMessageCreated(qc: QueryClient, e: MessageEvent) {
  const data = parse<{ conversationId: number; message: Message }>(e);
  if (!data) return;
  if (data.message)
    appendMessage(qc, {
      ...data.message,
      conversationId: data.message.conversationId ?? data.conversationId,
    });
  void qc.invalidateQueries({ queryKey: conversationKeys.lists });
  void qc.invalidateQueries({ queryKey: conversationKeys.one(data.conversationId) });
  // A text from a phone may be START or STOP: its Contact Card's consent may have changed.
  if (data.message?.direction === 'inbound') void qc.invalidateQueries({ queryKey: ['phone-contact'] });
}

/** A message changed (deleted): replace it in the cache. */
function onMessageUpdated(qc: QueryClient, e: MessageEvent) {
  const data = parse<{ conversationId: number; message: Message }>(e);
  if (!data) return;
  const found =
    !!data.message &&
    replaceMessage(qc, {
      ...data.message,
      conversationId: data.message.conversationId ?? data.conversationId,
    });
  if (!found) void qc.invalidateQueries({ queryKey: conversationKeys.messages(data.conversationId) });
  void qc.invalidateQueries({ queryKey: conversationKeys.lists });
}

/** A recipient's delivery moved on: patch that one message in the cache, no refetch. */
function onDeliveryUpdated(qc: QueryClient, e: MessageEvent) {
  const data = parse<{ conversationId: number; messageId: number; delivery: Delivery }>(e);
  if (!data?.delivery) return;
  const applied = applyDelivery(qc, data.conversationId, data.messageId, data.delivery);
  if (!applied) void qc.invalidateQueries({ queryKey: conversationKeys.messages(data.conversationId) });
}

function onConversationChanged(qc: QueryClient, e: MessageEvent) {
  const data = parse<{ conversationId: number }>(e);
  void qc.invalidateQueries({ queryKey: conversationKeys.lists });
  if (data?.conversationId) {
    void qc.invalidateQueries({ queryKey: conversationKeys.one(data.conversationId) });
    // An opt-in or a discarded held message changes the thread without a message.created.
    void qc.invalidateQueries({ queryKey: conversationKeys.messages(data.conversationId) });
  }
  void qc.invalidateQueries({ queryKey: ['phone-contact'] });
}

/**
 * Keeps the conversation caches live from the server's SSE stream (/api/events). EventSource
 * reconnects by itself after a dropped connection; when the server refuses the stream (it closes
 * for good) we reconnect with backoff. After any gap everything conversational is refetched, since
 * events sent while disconnected are not replayed.
 */
export function useLiveEvents(enabled: boolean): LiveStatus {
  const qc = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let delay = 1000;
    let hadGap = false;
    let stopped = false;

    const connect = () => {
      source = new EventSource('/api/events', { withCredentials: true });
      source.onopen = () => {
        setStatus('live');
        delay = 1000;
      };
      source.onerror = () => {
        hadGap = true;
        setStatus('reconnecting');
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          retryTimer = window.setTimeout(connect, delay);
          delay = Math.min(delay * 2, 30_000);
        }
      };
      // The server greets every (re)connection with `ready`. A reconnect may have missed events, and so
      // may the first connection: the lists were fetched before the stream opened, so a change made
      // in between would stay missing. On the first `ready` the lists are refetched (cheap); after a
      // gap, everything.
      const refetchAll = () => {
        void qc.invalidateQueries({ queryKey: conversationKeys.lists });
        void qc.invalidateQueries({ queryKey: ['conversation'] });
        void qc.invalidateQueries({ queryKey: ['messages'] });
      };
      source.addEventListener('ready', () => {
        if (!hadGap) {
          void qc.invalidateQueries({ queryKey: conversationKeys.lists });
          return;
        }
        hadGap = false;
        refetchAll();
      });
      // The server's link between instances had a gap: events may have been missed.
      source.addEventListener('resync', refetchAll);
      source.addEventListener('message.created', (e) => onMessageCreated(qc, e));
      source.addEventListener('message.updated', (e) => onMessageUpdated(qc, e));
      source.addEventListener('delivery.updated', (e) => onDeliveryUpdated(qc, e));
      source.addEventListener('conversation.updated', (e) => onConversationChanged(qc, e));
      source.addEventListener('conversation.created', (e) => onConversationChanged(qc, e));
    };
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retryTimer);
      source?.close();
    };
  }, [enabled, qc]);

  return status;
}
