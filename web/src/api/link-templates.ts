import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/**
 * Links of Company Preferences > Links: a name and an http(s) URL template, expanded for a
 * conversation with its linked records ("Insert Link" in the composer).
 */
export interface LinkTemplate {
  name: string;
  /** May hold {transactionId}, {customerId} and {vendorId}. */
  url: string;
}

/** One link as a conversation's composer offers it (GET /api/conversations/:id/link-templates). */
export interface ConversationLink {
  name: string;
  /** The template as saved. */
  template: string;
  /** The template filled in; null when a placeholder cannot be filled for this conversation. */
  url: string | null;
  /** Why there is no URL, e.g. "This conversation is not linked to a transaction." */
  disabledReason: string | null;
}

/** The placeholders a link template may hold, as the hint lists them. */
export const LINK_PLACEHOLDERS = ['{transactionId}', '{customerId}', '{vendorId}'] as const;

/** At most this many links (the server refuses more). */
export const MAX_LINK_TEMPLATES = 20;
export const MAX_LINK_NAME_LENGTH = 60;

/** Under the conversation's own key, so anything that refreshes the conversation refreshes them. */
export const linkTemplatesKey = (conversationId: number) =>
  ['conversation', conversationId, 'link-templates'] as const;

/** The company's links filled in for one conversation; fetched when the "Insert Link" menu opens. */
export function useConversationLinks(conversationId: number, enabled = true) {
  return useQuery({
    queryKey: linkTemplatesKey(conversationId),
    queryFn: ({ signal }) =>
      api.get<{ items: ConversationLink[] }>(`/api/conversations/${conversationId}/link-templates`, signal),
    enabled,
    select: (d) => d.items ?? [],
  });
}
