import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TagKind } from '../../../core/conversations';
import { statusRank } from '../../../core/delivery-status';
import { ApiError, api, qs } from './client';
import type {
  Conversation,
  ConversationChange,
  ConversationPage,
  ConversationSummary,
  Delivery,
  Message,
  MessagePage,
  PhoneSuggestion,
  SentMessage,
} from './types';

export type StatusFilter = 'open' | 'closed' | 'all';

export const conversationKeys = {
  /** Every list and search result: invalidated on any realtime event. */
  lists: ['conversations'] as const,
  list: (status: StatusFilter, tag?: string) => ['conversations', 'list', status, tag ?? ''] as const,
  search: (q: string) => ['conversations', 'search', q] as const,
  one: (id: number) => ['conversation', id] as const,
  messages: (id: number) => ['messages', id] as const,
  suggestions: (id: number) => ['conversation', id, 'phone-suggestions'] as const,
  history: (id: number) => ['conversation', id, 'history'] as const,
};

/** Contact Cards (api/contacts.ts): consent and labels change with opt-ins and texts. */
const contactCardsKey = ['phone-contact'] as const;

/** Conversations by last activity, paged with the server's cursor. */
export function useConversationList(status: StatusFilter, tag?: string) {
  return useInfiniteQuery({
    queryKey: conversationKeys.list(status, tag),
    queryFn: ({ pageParam, signal }) =>
      api.get<ConversationPage>(
        `/api/conversations${qs({ status, tag, limit: 50, cursor: pageParam })}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Full-text search over messages, subjects and participants; off for an empty query. */
export function useConversationSearch(q: string) {
  return useQuery({
    queryKey: conversationKeys.search(q),
    queryFn: ({ signal }) =>
      api.get<{ items: ConversationSummary[] }>(`/api/conversations/search${qs({ q })}`, signal),
    enabled: q.trim().length > 0,
    placeholderData: (prev) => prev,
  });
}

export function useConversation(id: number) {
  return useQuery({
    queryKey: conversationKeys.one(id),
    queryFn: ({ signal }) => api.get<Conversation>(`/api/conversations/${id}`, signal),
  });
}

/** Messages newest page first; each further page is older (fetchNextPage = "Load earlier messages"). */
export function useMessages(id: number) {
  return useInfiniteQuery({
    queryKey: conversationKeys.messages(id),
    queryFn: ({ pageParam, signal }) =>
      api.get<MessagePage>(
        `/api/conversations/${id}/messages${qs({ before: pageParam, limit: 50 })}`,
        signal,
      ),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.hasMore && last.items[0] ? last.items[0].id : null),
  });
}

/** Oldest → newest, without duplicates, from the pages of useMessages. */
export function flattenMessages(data: InfiniteData<MessagePage> | undefined): Message[] {
  if (!data) return [];
  const seen = new Set<number>();
  const out: Message[] = [];
  for (const page of [...data.pages].reverse()) {
    for (const m of page.items) {
      if (!seen.has(m.id)) {
        seen.add(m.id);
        out.push(m);
      }
    }
  }
  return out.sort((a, b) => a.id - b.id);
}

/** Adds a message to the newest page of a loaded conversation (a send or a realtime event). */
export function appendMessage(qc: QueryClient, message: Message): void {
  qc.setQueryData<InfiniteData<MessagePage>>(conversationKeys.messages(message.conversationId), (data) => {
    if (!data || data.pages.length === 0) return data;
    if (data.pages.some((p) => p.items.some((m) => m.id === message.id))) return data;
    const [newest, ...older] = data.pages;
    return { ...data, pages: [{ ...newest!, items: [...newest!.items, message] }, ...older] };
  });
}

/**
 * The newer of two states of one delivery. Statuses only move forward (queued → sending → sent →
 * a final state), so a late event never turns "Delivered" back into "Sent"; at the same step the
 * most recently updated wins (a retry bumps `attempts` while still queued).
 */
export function newerDelivery(current: Delivery, incoming: Delivery): Delivery {
  const a = statusRank(current.status);
  const b = statusRank(incoming.status);
  if (b !== a) return b > a ? incoming : current;
  return incoming.updatedAt >= current.updatedAt ? incoming : current;
}

/**
 * Applies a `delivery.updated` event to the cached message, without refetching. Returns false when
 * the conversation is loaded but the message is not in it yet and is newer than everything shown
 * (its `message.created` has not arrived): the caller then refetches that one conversation.
 */
export function applyDelivery(
  qc: QueryClient,
  conversationId: number,
  messageId: number,
  delivery: Delivery,
): boolean {
  const key = conversationKeys.messages(conversationId);
  const data = qc.getQueryData<InfiniteData<MessagePage>>(key);
  if (!data) return true;
  let found = false;
  let newestId = 0;
  const pages = data.pages.map((page) => {
    let changed = false;
    const items = page.items.map((m) => {
      newestId = Math.max(newestId, m.id);
      if (m.id !== messageId) return m;
      found = true;
      const i = m.deliveries.findIndex((d) => d.id === delivery.id || d.to === delivery.to);
      const deliveries =
        i < 0
          ? [...m.deliveries, delivery]
          : m.deliveries.map((d, j) => (j === i ? newerDelivery(d, delivery) : d));
      // A held message gets deliveries only once it is released (its numbers opted in).
      if (i >= 0 && deliveries[i] === m.deliveries[i] && !m.held) return m;
      changed = true;
      return { ...m, deliveries, held: false };
    });
    return changed ? { ...page, items } : page;
  });
  if (found) {
    if (pages.some((p, i) => p !== data.pages[i])) qc.setQueryData(key, { ...data, pages });
    return true;
  }
  return messageId < newestId;
}

/** Sets a conversation's unread count to 0 in every loaded list, after marking it read. */
function clearUnread(qc: QueryClient, id: number): void {
  qc.setQueriesData<InfiniteData<ConversationPage>>({ queryKey: ['conversations', 'list'] }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => ({
            ...p,
            items: p.items.map((c) => (c.id === id ? { ...c, unreadCount: 0 } : c)),
          })),
        }
      : data,
  );
  qc.setQueryData<Conversation>(conversationKeys.one(id), (c) => (c ? { ...c, unreadCount: 0 } : c));
}

/** A change to a conversation; an empty answer (204) means the user can no longer see it. */
function useConversationMutation<TInput>(
  id: number,
  call: (input: TInput) => Promise<Conversation | undefined>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (c) => {
      if (c) qc.setQueryData(conversationKeys.one(id), c);
      else void qc.invalidateQueries({ queryKey: conversationKeys.one(id) });
      void qc.invalidateQueries({ queryKey: conversationKeys.lists });
      void qc.invalidateQueries({ queryKey: conversationKeys.messages(id) });
    },
  });
}

export function useAddTag(id: number) {
  return useConversationMutation(id, (tag: { kind: TagKind; id: number }) =>
    api.post<Conversation>(`/api/conversations/${id}/tags`, tag),
  );
}

export function useRemoveTag(id: number) {
  return useConversationMutation(id, (tag: { kind: TagKind; id: number }) =>
    api.del<Conversation | undefined>(`/api/conversations/${id}/tags/${tag.kind}/${tag.id}`),
  );
}

export function useSetStatus(id: number) {
  return useConversationMutation(id, (action: 'close' | 'reopen') =>
    api.post<Conversation>(`/api/conversations/${id}/${action}`),
  );
}

/**
 * Adds external phone numbers (any spelling) to the conversation's recipients. The answer is the
 * conversation to show next: this one, the open thread that already has the new set of numbers
 * (`redirected`), or a new one with the same tags when this one already held messages (`createdNew`).
 */
export function useAddPhoneNumber(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (phoneNumbers: string[]) =>
      api.post<ConversationChange>(`/api/conversations/${id}/phone-numbers`, { phoneNumbers }),
    onSuccess: (c) => {
      qc.setQueryData(conversationKeys.one(c.id), c);
      void qc.invalidateQueries({ queryKey: conversationKeys.lists });
      void qc.invalidateQueries({ queryKey: conversationKeys.suggestions(id) });
      void qc.invalidateQueries({ queryKey: conversationKeys.history(c.id) });
      // The server notes the addition as a system message.
      void qc.invalidateQueries({ queryKey: conversationKeys.messages(c.id) });
    },
  });
}

/** Numbers of the customers, vendors and transactions the conversation is tagged with. */
export function usePhoneSuggestions(id: number, enabled = true) {
  return useQuery({
    queryKey: conversationKeys.suggestions(id),
    queryFn: ({ signal }) =>
      api.get<{ items: PhoneSuggestion[] }>(`/api/conversations/${id}/phone-suggestions`, signal),
    enabled,
  });
}

/** Earlier, closed conversations with the same phone numbers. */
export function useThreadHistory(id: number, enabled = true) {
  return useQuery({
    queryKey: conversationKeys.history(id),
    queryFn: ({ signal }) =>
      api.get<{ items: ConversationSummary[] }>(`/api/conversations/${id}/history`, signal),
    enabled,
  });
}

/** What OPT_IN_REQUIRED carries: the numbers to opt in, and the message(s) now held for them. */
export interface OptInRequired {
  numbers: string[];
  /** The first message held. */
  message: Message | null;
  /** Every message the send created and holds (text first, then one per attachment); [] when not told. */
  batch: Message[];
}

const isMessage = (x: unknown): x is Message => !!x && typeof x === 'object' && 'id' in x;

/** The opt-in pop-up's cue: a send answered OPT_IN_REQUIRED (the message was stored, held). */
export function optInRequiredOf(err: unknown): OptInRequired | null {
  if (!(err instanceof ApiError) || err.code !== 'OPT_IN_REQUIRED') return null;
  const d = (err.details ?? {}) as { numbers?: unknown; message?: unknown; batch?: unknown };
  const numbers = Array.isArray(d.numbers) ? d.numbers.filter((n): n is string => typeof n === 'string') : [];
  const message = isMessage(d.message) ? d.message : null;
  const batch = Array.isArray(d.batch) ? d.batch.filter(isMessage) : [];
  return { numbers, message, batch };
}

/** A message to post: its text (may be '' when files go with it) and the uploaded files, in order. */
export interface SendInput {
  body: string;
  attachmentIds?: number[];
}

/** Every message a post created, in order: its `batch`, else the one message answered. */
export function sentMessages(answer: SentMessage): Message[] {
  const { batch, ...first } = answer;
  return Array.isArray(batch) && batch.length > 0 ? batch : [first];
}

export function useSendMessage(id: number) {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: conversationKeys.lists });
    void qc.invalidateQueries({ queryKey: conversationKeys.one(id) });
  };
  return useMutation({
    mutationFn: ({ body, attachmentIds }: SendInput) =>
      api.post<SentMessage>(
        `/api/conversations/${id}/messages`,
        attachmentIds && attachmentIds.length > 0 ? { body, attachmentIds } : { body },
      ),
    onSuccess: (answer) => {
      for (const m of sentMessages(answer))
        appendMessage(qc, { ...m, conversationId: m.conversationId ?? id });
      refresh();
    },
    onError: (err) => {
      // Held for opt-in: the messages exist and show in the thread (also sent to us over SSE).
      const held = optInRequiredOf(err);
      if (!held) return;
      const messages = held.batch.length > 0 ? held.batch : held.message ? [held.message] : [];
      for (const m of messages) appendMessage(qc, { ...m, conversationId: id });
      if (messages.length === 0) void qc.invalidateQueries({ queryKey: conversationKeys.messages(id) });
      refresh();
    },
  });
}

export type OptInInput = { method: 'verbal'; script: string } | { method: 'text' };

/**
 * The opt-in pop-up's confirmation: verbal agreement (opts in now, texts the confirmation, then
 * the held messages) or a text request (the numbers reply START).
 */
export function useOptIn(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: OptInInput) =>
      api.post<{ numbers: string[]; method: 'verbal' | 'text' }>(`/api/conversations/${id}/opt-in`, input),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: conversationKeys.one(id) });
      void qc.invalidateQueries({ queryKey: conversationKeys.messages(id) });
      void qc.invalidateQueries({ queryKey: conversationKeys.lists });
      void qc.invalidateQueries({ queryKey: contactCardsKey });
    },
  });
}

/** Removes a message held for opt-in (never texted); its author or an administrator may. */
export function useDiscardHeld(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (messageId: number) => api.del<void>(`/api/conversations/${id}/held-messages/${messageId}`),
    onSuccess: (_r, messageId) => {
      qc.setQueryData<InfiniteData<MessagePage>>(conversationKeys.messages(id), (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => ({ ...p, items: p.items.filter((m) => m.id !== messageId) })),
            }
          : data,
      );
      void qc.invalidateQueries({ queryKey: conversationKeys.lists });
      void qc.invalidateQueries({ queryKey: conversationKeys.one(id) });
    },
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { conversationId: number; messageId: number }) =>
      api.post<void>(`/api/conversations/${input.conversationId}/read`, { messageId: input.messageId }),
    onSuccess: (_r, input) => clearUnread(qc, input.conversationId),
  });
}

export interface NewConversationInput {
  subject: string;
  typeId: number | null;
  tags: { kind: TagKind; id: number }[];
  /** Phones to text (any spelling); a set that already has an open conversation redirects there. */
  phoneNumbers?: string[];
  body?: string;
}

export function useCreateConversation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewConversationInput) =>
      api.post<Conversation & { redirected?: boolean }>('/api/conversations', input),
    onSuccess: (c) => {
      qc.setQueryData(conversationKeys.one(c.id), c);
      void qc.invalidateQueries({ queryKey: conversationKeys.lists });
    },
  });
}

/** Replaces a message in the loaded pages (a deletion, or a `message.updated` event). */
export function replaceMessage(qc: QueryClient, message: Message): boolean {
  let found = false;
  qc.setQueryData<InfiniteData<MessagePage>>(conversationKeys.messages(message.conversationId), (data) => {
    if (!data) return data;
    const pages = data.pages.map((p) => {
      if (!p.items.some((m) => m.id === message.id)) return p;
      found = true;
      // The deletion's answer may leave out the author (it names who deleted it): keep the one shown.
      const merge = (m: Message): Message => ({ ...m, ...message, author: message.author ?? m.author });
      return { ...p, items: p.items.map((m) => (m.id === message.id ? merge(m) : m)) };
    });
    return found ? { ...data, pages } : data;
  });
  return found;
}

/** Claim: the orphan conversation is tagged with the signed-in user instead of its group. */
export function useClaimConversation(id: number) {
  return useConversationMutation(id, (_: void) => api.post<Conversation>(`/api/conversations/${id}/claim`));
}

/** Assign: the orphan conversation is tagged with this member of its group instead of the group. */
export function useAssignConversation(id: number) {
  return useConversationMutation(id, (userId: number) =>
    api.post<Conversation>(`/api/conversations/${id}/assign`, { userId }),
  );
}

/** Deletes a message in Switchboard (author or admin); the phone keeps its copy. */
export function useDeleteMessage(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (messageId: number) => api.del<Message>(`/api/conversations/${id}/messages/${messageId}`),
    onSuccess: (m) => {
      if (m && !replaceMessage(qc, { ...m, conversationId: m.conversationId ?? id }))
        void qc.invalidateQueries({ queryKey: conversationKeys.messages(id) });
      void qc.invalidateQueries({ queryKey: conversationKeys.lists });
    },
  });
}
