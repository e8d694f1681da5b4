import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/schema.js';
import type { DeliveryRow } from '../deliveries.table.js';

export interface ClaimedDelivery extends DeliveryRow {
  /** What is texted: the message's text, or an attachment's download-link text. */
  body: string;
  /** The path of the signed media URL of an MMS picture. */
  mediaPath: string | null;
}

/**
 * Claims up to `limit` due deliveries for `owner` with a lease, in one UPDATE … RETURNING. Only
 * unleased rows are claimed and the condition is re-checked on the row itself, so when several
 * dispatchers race on one PostgreSQL each row goes to exactly one of them.
 */
export async function claimDueDeliveries(
  db: DbOrTrx,
  owner: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const at = now.toISOString();
  const due = db
    .selectFrom('deliveries')
    .select('id')
    .where('status', '=', 'queued')
    .where('provider_sid', 'is', null)
    .where('outcome_unknown', '=', 0)
    .where('lease_owner', 'is', null)
    .where('next_attempt_at', '<=', at)
    .orderBy('id')
    .limit(limit);
  const claimed = await db
    .updateTable('deliveries')
    .set({
      lease_owner: owner,
      lease_until: new Date(now.getTime() + leaseMs).toISOString(),
      attempt_started_at: at,
      attempts: sql`attempts + 1`,
      updated_at: at,
    })
    .where('id', 'in', due)
    .where('lease_owner', 'is', null)
    .where('provider_sid', 'is', null)
    .returningAll()
    .execute();
  if (claimed.length === 0) return [];
  const bodies = await db
    .selectFrom('messages')
    .select(['id', 'body', 'sms_body', 'media_url'])
    .where('id', 'in', [...new Set(claimed.map((d) => d.message_id))])
    .execute();
  const messageOf = new Map(bodies.map((b) => [b.id, b]));
  return claimed
    .sort((a, b) => a.id - b.id)
    .map((d) => {
      const m = messageOf.get(d.message_id);
      return { ...d, body: m?.sms_body ?? m?.body ?? '', mediaPath: m?.media_url ?? null };
    });
}

/**
 * A claim whose lease ran out without a recorded result belongs to a dispatcher that stopped
 * mid-send: Twilio may or may not have the message, so the delivery is marked outcome-unknown
 * for reconciliation instead of being sent again blindly.
 */
export async function releaseAbandonedClaims(db: DbOrTrx, now: Date): Promise<number> {
  const at = now.toISOString();
  const res = await db
    .updateTable('deliveries')
    .set({ lease_owner: null, lease_until: null, outcome_unknown: 1, updated_at: at })
    .where('lease_owner', 'is not', null)
    .where('lease_until', '<', at)
    .where('provider_sid', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
