import { randomUUID } from 'node:crypto';
import type { Services } from '../../context.js';
import { appendMessage } from '../../conversations/commands/append-message.js';
import { publishConversationEvents } from '../../conversations/events.js';
import type { ConversationEvent } from '../../conversations/events.js';
import { presentMessage } from '../../conversations/presenters.js';
import { routeInbound } from './route-inbound.js';

const LEASE_MS = 60_000;

/**
 * Turns stored inbound texts into conversation messages, oldest first. Each is claimed with a
 * lease (several processes may run this) and done in one transaction that also marks it
 * processed, so a text becomes exactly one message even if a process dies half-way.
 */
export function createInboundProcessor(s: Services, owner = `inbound-${randomUUID()}`) {
  async function runOnce(limit = 50): Promise<number> {
    const now = s.clock.now();
    const at = now.toISOString();
    const due = s.db
      .selectFrom('inbound_messages')
      .select('id')
      .where('processed_at', 'is', null)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .orderBy('id')
      .limit(limit);
    const claimed = await s.db
      .updateTable('inbound_messages')
      .set((eb) => ({ lease_owner: owner, lease_until: new Date(now.getTime() + LEASE_MS).toISOString(), attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', due)
      .where('processed_at', 'is', null)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .returningAll()
      .execute();
    claimed.sort((a, b) => a.id - b.id);
    for (const row of claimed) {
      try {
        const events = await s.db.transaction().execute(async (trx): Promise<ConversationEvent[]> => {
          const mark = await trx
            .updateTable('inbound_messages')
            .set({ processed_at: s.clock.now().toISOString(), lease_owner: null, lease_until: null })
            .where('id', '=', row.id)
            .where('processed_at', 'is', null)
            .executeTakeFirst();
          if (Number(mark.numUpdatedRows) === 0) return [];
          const msgAt = s.clock.now().toISOString();
          const conversationId = await routeInbound(trx, row.from_number, msgAt);
          const message = await appendMessage(trx, {
            conversationId,
            authorId: null,
            kind: 'user',
            body: row.body,
            at: msgAt,
            direction: 'inbound',
            phoneNumber: row.from_number,
          });
          await trx.updateTable('inbound_messages').set({ message_id: message.id }).where('id', '=', row.id).execute();
          return [{ type: 'message.created', conversationId, message: presentMessage(message, null) }];
        });
        await publishConversationEvents(s, events);
      } catch (err) {
        s.log.error({ err, inboundId: row.id }, 'could not process an inbound text; it will be retried');
        await s.db
          .updateTable('inbound_messages')
          .set({ error: err instanceof Error ? err.message : String(err), lease_until: new Date(now.getTime() + 5_000).toISOString() })
          .where('id', '=', row.id)
          .execute();
      }
    }
    return claimed.length;
  }
  return { runOnce };
}
