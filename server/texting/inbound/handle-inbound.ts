import { classifyKeyword, keywordFromOptOutType } from '../../../core/keywords.js';
import { fillText } from '../../../core/opt-in-texts.js';
import { inboundFileName } from '../../attachments/inbound/fetch-inbound-media.js';
import { presentAttachment } from '../../attachments/presenters.js';
import { recordConsent } from '../../contacts/commands/record-consent.js';
import { appendMessage } from '../../conversations/commands/append-message.js';
import { confirmOptIn, textValues } from '../../conversations/commands/opt-in.js';
import { appendSystemText } from '../../conversations/commands/outbound.js';
import type { ConversationEvent } from '../../conversations/events.js';
import { presentMessage } from '../../conversations/presenters.js';
import type { Trx } from '../../db/schema.js';
import type { DeliveryRow } from '../deliveries.table.js';
import type { InboundMessageRow } from '../inbound-messages.table.js';
import { routeInbound } from './route-inbound.js';

/**
 * The media of an inbound MMS (`NumMedia`, `MediaUrl{N}`, `MediaContentType{N}`), recorded to be
 * fetched once the transaction commits: the webhook has long been answered by then.
 */
async function recordInboundMedia(trx: Trx, messageId: number, params: Record<string, string | string[]>, at: string) {
  const one = (key: string) => (typeof params[key] === 'string' ? (params[key] as string) : undefined);
  const count = Math.min(10, Math.max(0, Number(one('NumMedia') ?? 0) || 0));
  const rows = [];
  for (let i = 0; i < count; i++) {
    const url = one(`MediaUrl${i}`);
    if (!url) continue;
    const contentType = (one(`MediaContentType${i}`) ?? 'application/octet-stream').toLowerCase();
    rows.push({
      message_id: messageId,
      position: i,
      file_name: inboundFileName(i, contentType),
      content_type: contentType,
      source_url: url,
      fetch_status: 'pending' as const,
      next_fetch_at: at,
      created_at: at,
    });
  }
  return rows.length ? trx.insertInto('attachments').values(rows).returningAll().execute() : [];
}

/** Has this number ever been in a conversation or in the consent ledger? (The opt-in exception.) */
async function isFirstContact(trx: Trx, number: string): Promise<boolean> {
  const [conversation, ledger] = await Promise.all([
    trx.selectFrom('conversation_endpoints').select('conversation_id').where('phone_number', '=', number).limit(1).executeTakeFirst(),
    trx.selectFrom('consent_events').select('id').where('phone_number', '=', number).limit(1).executeTakeFirst(),
  ]);
  return !conversation && !ledger;
}

/**
 * Turns one stored inbound text into a conversation message and applies the messaging keywords:
 * STOP (and Twilio's other opt-out words, or OptOutType=STOP) unsubscribes; START re-subscribes
 * and sends the confirmation, then any held messages; HELP gets the configured reply. A number
 * texting for the first time with no consent record is opted in ("initiated by the phone"),
 * unless its text is an opt-out. Runs inside the caller's transaction.
 */
export async function handleInbound(trx: Trx, row: InboundMessageRow, at: string) {
  const params = JSON.parse(row.params) as Record<string, string | string[]>;
  const optOutType = typeof params.OptOutType === 'string' ? params.OptOutType : undefined;
  const keyword = keywordFromOptOutType(optOutType) ?? classifyKeyword(row.body);
  const from = row.from_number;
  const firstContact = await isFirstContact(trx, from);
  const { conversationId, created } = await routeInbound(trx, from, at);
  const message = await appendMessage(trx, { conversationId, authorId: null, kind: 'user', body: row.body, at, direction: 'inbound', phoneNumber: from });
  const media = await recordInboundMedia(trx, message.id, params, at);
  const meta = { inboundMessageId: row.id, text: row.body, at };
  const deliveries: DeliveryRow[] = [];
  const written: number[] = [];

  if (keyword === 'opt-out') {
    await recordConsent(trx, from, { type: 'stop-received' }, { ...meta, method: 'keyword' });
  } else if (keyword === 'opt-in') {
    const r = await recordConsent(trx, from, { type: 'start-received' }, { ...meta, method: 'keyword' });
    if (r.sendConfirmation) {
      const confirmed = await confirmOptIn(trx, conversationId, [from], at, null);
      deliveries.push(...confirmed.deliveries);
      written.push(...confirmed.messageIds);
    }
  } else {
    if (firstContact) await recordConsent(trx, from, { type: 'initiated-by-phone' }, { ...meta, method: 'initiated_by_phone' });
    if (keyword === 'help') {
      const card = await trx.selectFrom('phone_contacts').select('consent_state').where('phone_number', '=', from).executeTakeFirst();
      if (card?.consent_state !== 'opted_out') {
        const values = await textValues(trx);
        const reply = await appendSystemText(trx, conversationId, fillText(values.prefs.helpReplyText, values), [from], at);
        deliveries.push(...reply.deliveries);
        written.push(reply.message.id);
      }
    }
  }
  const events: ConversationEvent[] = [
    ...(created ? [{ type: 'conversation.created' as const, conversationId }] : []),
    { type: 'message.created', conversationId, message: presentMessage(message, null, [], null, media.map((a) => presentAttachment(a, [], new Date(at)))) },
  ];
  return { events, deliveries, written, conversationId, messageId: message.id, media: media.length };
}
