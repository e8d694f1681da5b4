import type { Services } from '../../context.js';
import type { InboundMessagesTable } from '../inbound-messages.table.js';
import type { Insertable } from 'kysely';

type InboxRow = Insertable<InboundMessagesTable>;

interface Pending {
  row: InboxRow;
  resolve(stored: boolean): void;
  reject(err: unknown): void;
}

const MAX_BATCH = 500;

/**
 * Stores inbound webhooks in groups: the rows of requests that arrive together are inserted in
 * one transaction, flushed on the next turn of the event loop, and each request is answered only
 * after its row is committed. One commit per batch instead of per message is what lets a burst
 * of texts be acknowledged quickly without giving up durability. Duplicates (Twilio retries,
 * within a batch or not) are skipped by the unique MessageSid.
 */
export function createInboxWriter(s: Services) {
  const queue: Pending[] = [];
  let scheduled = false;

  async function flush() {
    scheduled = false;
    const batch = queue.splice(0, MAX_BATCH);
    if (queue.length) schedule();
    try {
      const inserted = await s.db
        .insertInto('inbound_messages')
        .values(batch.map((p) => p.row))
        .onConflict((oc) => oc.column('provider_sid').doNothing())
        .returning('provider_sid')
        .execute();
      const fresh = new Set(inserted.map((r) => r.provider_sid));
      for (const p of batch) {
        const isNew = fresh.delete(p.row.provider_sid);
        p.resolve(isNew);
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void flush());
  }

  return {
    /** Resolves once the row is committed: true if stored now, false if it was already there. */
    write(row: InboxRow): Promise<boolean> {
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ row, resolve, reject });
        schedule();
      });
    },
  };
}

export type InboxWriter = ReturnType<typeof createInboxWriter>;
