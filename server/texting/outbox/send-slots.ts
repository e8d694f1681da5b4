import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/schema.js';

/**
 * Reserves the next send slot for a sender and returns when it starts (epoch ms). One atomic
 * upsert, so every dispatcher on the same database shares the sender's pace: at `ratePerSecond`
 * messages per second, slots are 1000/rate ms apart however many processes send.
 */
export async function reserveSendSlot(db: DbOrTrx, sender: string, ratePerSecond: number, nowMs: number): Promise<number> {
  const interval = Math.ceil(1000 / ratePerSecond);
  const row = await db
    .insertInto('send_slots')
    .values({ sender, next_slot_ms: nowMs + interval })
    .onConflict((oc) =>
      oc.column('sender').doUpdateSet({
        next_slot_ms: sql`case when send_slots.next_slot_ms > ${nowMs} then send_slots.next_slot_ms + ${interval} else ${nowMs + interval} end`,
      }),
    )
    .returning('next_slot_ms')
    .executeTakeFirstOrThrow();
  return Number(row.next_slot_ms) - interval;
}
