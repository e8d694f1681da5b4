import { randomUUID } from 'node:crypto';
import type { Services } from '../../context.js';
import { publishConversationEvents } from '../../conversations/events.js';
import { publishOutboundChanges } from '../../conversations/commands/opt-in.js';
import { handleInbound } from './handle-inbound.js';

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
        const outcome = await s.db.transaction().execute(async (trx) => {
          const mark = await trx
            .updateTable('inbound_messages')
            .set({ processed_at: s.clock.now().toISOString(), lease_owner: null, lease_until: null })
            .where('id', '=', row.id)
            .where('processed_at', 'is', null)
            .executeTakeFirst();
          if (Number(mark.numUpdatedRows) === 0) return null;
          const handled = await handleInbound(trx, row, s.clock.now().toISOString());
          await trx.updateTable('inbound_messages').set({ message_id: handled.messageId, error: null }).where('id', '=', row.id).execute();
          return handled;
        });
        if (!outcome) continue;
        if (outcome.deliveries.length) s.workers.kick('dispatch');
        if (outcome.media) s.workers.kick('media');
        await publishConversationEvents(s, outcome.events);
        if (outcome.deliveries.length) await publishOutboundChanges(s, outcome.conversationId, outcome.written, outcome.deliveries);
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
