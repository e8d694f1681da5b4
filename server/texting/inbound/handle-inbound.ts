import { classifyKeyword, keywordFromOptOutType } from '../../../core/keywords.js';
import { fillText } from '../../../core/opt-in-texts.js';
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
    { type: 'message.created', conversationId, message: presentMessage(message, null) },
  ];
  return { events, deliveries, written, conversationId, messageId: message.id };
}
