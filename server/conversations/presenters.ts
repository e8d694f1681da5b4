import { z } from 'zod';
import { TAG_KINDS } from '../../core/conversations.js';
import { TRANSACTION_TYPE_KEYS } from '../../core/transactions.js';
import type { TransactionType } from '../../core/transactions.js';
import type { ConversationRow } from './conversations.table.js';
import type { MessageRow } from './messages.table.js';
import type { DeliveryRow } from '../texting/deliveries.table.js';
import { deliveryOut, presentDelivery } from '../texting/presenters.js';
import { attachmentOut } from '../attachments/presenters.js';
import type { AttachmentOut } from '../attachments/presenters.js';

export const tagOut = z.object({ kind: z.enum(TAG_KINDS), id: z.number(), label: z.string() });
export type TagOut = z.infer<typeof tagOut>;

export const messageOut = z.object({
  id: z.number(),
  conversationId: z.number(),
  kind: z.enum(['user', 'system']),
  body: z.string(),
  author: z.object({ id: z.number(), name: z.string() }).nullable(),
  createdAt: z.string(),
  /** internal: staff only; outbound: texted to the conversation's phones; inbound: from a phone. */
  direction: z.enum(['internal', 'outbound', 'inbound']),
  /** The phone that sent an inbound message (E.164). */
  phoneNumber: z.string().nullable(),
  /** For outbound messages: each recipient's delivery state. */
  deliveries: z.array(deliveryOut),
  /** An outbound message waiting for its recipients to opt in (sent when they do, or discarded). */
  held: z.boolean(),
  /** A deleted message keeps only this: who deleted it and when (its content is gone). */
  deleted: z.object({ by: z.string().nullable(), at: z.string() }).nullable(),
  /** Files: one for an attachment message (each attachment is its own message); an inbound MMS may carry several. */
  attachments: z.array(attachmentOut),
  /** The transaction created from this message; while null, "Create Transaction" is offered. */
  transaction: z.object({ id: z.number(), transactionId: z.string(), type: z.enum(TRANSACTION_TYPE_KEYS) }).nullable(),
});
export type MessageOut = z.infer<typeof messageOut>;

export const conversationSummaryOut = z.object({
  id: z.number(),
  subject: z.string(),
  status: z.enum(['open', 'closed']),
  type: z.object({ id: z.number(), name: z.string() }).nullable(),
  lastActivityAt: z.string(),
  /** Counted up to UNREAD_COUNT_CAP (100): 100 means "100 or more". */
  unreadCount: z.number(),
  lastMessage: z
    .object({
      id: z.number(),
      body: z.string(),
      authorName: z.string().nullable(),
      createdAt: z.string(),
      deleted: z.boolean(),
      /** The files it carries (an attachment message has no text). */
      attachmentNames: z.array(z.string()),
    })
    .nullable(),
  tags: z.array(tagOut),
  /** The external phones this conversation texts; empty for an internal conversation. */
  phoneNumbers: z.array(
    z.object({
      number: z.string(),
      /** The Contact Card's Label, else its Name, else the formatted number. */
      label: z.string(),
      formatted: z.string(),
      consent: z.enum(['none', 'pending', 'opted_in', 'opted_out']),
      textingDisabled: z.boolean(),
    }),
  ),
  /** The conversation includes an external participant (it texts phones). */
  external: z.boolean(),
  /** An orphan: waiting in this user group for someone to Claim it or be assigned it. */
  orphan: z.object({ groupId: z.number(), groupName: z.string() }).nullable(),
});
export type ConversationSummaryOut = z.infer<typeof conversationSummaryOut>;

export const conversationOut = conversationSummaryOut.extend({
  createdAt: z.string(),
  createdBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  closedAt: z.string().nullable(),
});
export type ConversationOut = z.infer<typeof conversationOut>;

/** Everything a conversation presenter needs, gathered by queries/conversation-details.ts. */
export interface ConversationDetails {
  row: ConversationRow;
  typeName: string | null;
  tags: TagOut[];
  unreadCount: number;
  lastMessage: ConversationSummaryOut['lastMessage'];
  createdByName: string | null;
  phoneNumbers: ConversationSummaryOut['phoneNumbers'];
}

export function presentConversationSummary(d: ConversationDetails): ConversationSummaryOut {
  return {
    id: d.row.id,
    subject: d.row.subject,
    status: d.row.status,
    type: d.row.type_id !== null && d.typeName !== null ? { id: d.row.type_id, name: d.typeName } : null,
    lastActivityAt: d.row.last_activity_at,
    unreadCount: d.unreadCount,
    lastMessage: d.lastMessage,
    tags: d.tags,
    phoneNumbers: d.phoneNumbers,
    external: d.phoneNumbers.length > 0,
    orphan:
      d.row.orphan_group_id !== null && d.row.claimed_by === null
        ? { groupId: d.row.orphan_group_id, groupName: d.tags.find((t) => t.kind === 'group' && t.id === d.row.orphan_group_id)?.label ?? 'Orphan group' }
        : null,
  };
}

export function presentConversation(d: ConversationDetails): ConversationOut {
  return {
    ...presentConversationSummary(d),
    createdAt: d.row.created_at,
    createdBy: d.row.created_by !== null && d.createdByName !== null ? { id: d.row.created_by, name: d.createdByName } : null,
    closedAt: d.row.closed_at,
  };
}

/** A message row, with its transaction's ID and type when the query joined them (`messageTransaction`). */
export type MessageRowWithTransaction = MessageRow & { tx_code?: string | null; tx_type?: TransactionType | null };

export function presentMessage(
  m: MessageRowWithTransaction,
  authorName: string | null,
  deliveries: DeliveryRow[] = [],
  deletedByName: string | null = null,
  attachments: AttachmentOut[] = [],
): MessageOut {
  return {
    id: m.id,
    conversationId: m.conversation_id,
    kind: m.kind,
    body: m.body,
    author: m.author_id !== null && authorName !== null ? { id: m.author_id, name: authorName } : null,
    createdAt: m.created_at,
    direction: m.direction,
    phoneNumber: m.phone_number,
    deliveries: deliveries.map(presentDelivery),
    held: m.held === 1,
    deleted: m.deleted_at ? { by: deletedByName, at: m.deleted_at } : null,
    attachments: m.deleted_at ? [] : attachments,
    transaction: m.transaction_id !== null && m.tx_code && m.tx_type ? { id: m.transaction_id, transactionId: m.tx_code, type: m.tx_type } : null,
  };
}
