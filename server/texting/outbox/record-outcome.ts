import { sql } from 'kysely';
import type { DeliveryStatus } from '../../../core/delivery-status.js';
import { isFinalStatus, statusRank } from '../../../core/delivery-status.js';
import type { DeliveryErrorInfo } from '../../../core/twilio-errors.js';
import type { DbOrTrx } from '../../db/schema.js';
import type { DeliveryRow } from '../deliveries.table.js';

/** SET fragments that move the status forward only: a late or repeated status changes nothing. */
function forwardStatus(status: DeliveryStatus, at: string) {
  const r = statusRank(status);
  return {
    status: sql<DeliveryStatus>`case when status_rank < ${r} then ${status} else status end`,
    status_rank: sql<number>`case when status_rank < ${r} then ${r} else status_rank end`,
    ...(isFinalStatus(status) ? { final_at: sql<string>`coalesce(final_at, ${at})` } : {}),
  };
}

const clearLease = { lease_owner: null, lease_until: null, outcome_unknown: 0 } as const;

/** Twilio accepted the message: record its SID (always) and its status (if it moves forward). */
export async function recordAccepted(db: DbOrTrx, id: number, sid: string, status: DeliveryStatus, sender: string, now: Date) {
  const at = now.toISOString();
  return db
    .updateTable('deliveries')
    .set({ ...clearLease, ...forwardStatus(status, at), provider_sid: sid, sender, sent_at: at, updated_at: at, error_code: null, error_reason: null, error_message: null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** A transient failure: try again at `nextAt`, showing the last error meanwhile. */
export async function recordRetry(db: DbOrTrx, id: number, error: DeliveryErrorInfo, providerCode: number | null, nextAt: Date, now: Date) {
  const at = now.toISOString();
  return db
    .updateTable('deliveries')
    .set({ ...clearLease, next_attempt_at: nextAt.toISOString(), error_code: providerCode, error_reason: error.code, error_message: error.explanation, updated_at: at })
    .where('id', '=', id)
    .where('provider_sid', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** A permanent failure (or retries exhausted): failed, with the code and the explanation. */
export async function recordFailed(db: DbOrTrx, id: number, error: DeliveryErrorInfo, providerCode: number | null, now: Date) {
  const at = now.toISOString();
  return db
    .updateTable('deliveries')
    .set({ ...clearLease, ...forwardStatus('failed', at), error_code: providerCode, error_reason: error.code, error_message: error.explanation, updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** The request may have reached Twilio but we have no answer: settle it by asking Twilio later. */
export async function recordOutcomeUnknown(db: DbOrTrx, id: number, now: Date) {
  const at = now.toISOString();
  return db
    .updateTable('deliveries')
    .set({ lease_owner: null, lease_until: null, outcome_unknown: 1, updated_at: at })
    .where('id', '=', id)
    .where('provider_sid', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Puts an outcome-unknown delivery back in the queue after Twilio confirmed it has no such message. */
export async function requeueUnknown(db: DbOrTrx, id: number, now: Date) {
  const at = now.toISOString();
  return db
    .updateTable('deliveries')
    .set({ outcome_unknown: 0, next_attempt_at: at, updated_at: at })
    .where('id', '=', id)
    .where('provider_sid', 'is', null)
    .where('outcome_unknown', '=', 1)
    .returningAll()
    .executeTakeFirst();
}

export interface StatusReport {
  sid: string;
  /** Our delivery id from the callback URL: matches a callback that beats our own record of the SID. */
  deliveryId: number | null;
  status: DeliveryStatus;
  errorCode: number | null;
  error: DeliveryErrorInfo | null;
}

/**
 * Applies a status callback. Matches the delivery by SID, or by our id when the SID is not yet
 * recorded (the callback raced the send, or the sender crashed before recording it). Only moves
 * the status forward; returns the row when something changed.
 */
export async function applyStatusReport(db: DbOrTrx, report: StatusReport, now: Date): Promise<DeliveryRow | undefined> {
  const at = now.toISOString();
  const r = statusRank(report.status);
  return db
    .updateTable('deliveries')
    .set({
      ...forwardStatus(report.status, at),
      provider_sid: sql<string>`coalesce(provider_sid, ${report.sid})`,
      lease_owner: null,
      lease_until: null,
      outcome_unknown: 0,
      updated_at: at,
      ...(report.error
        ? { error_code: report.errorCode, error_reason: report.error.code, error_message: report.error.explanation }
        : {}),
    })
    .where((eb) =>
      report.deliveryId !== null
        ? eb.or([eb('provider_sid', '=', report.sid), eb.and([eb('id', '=', report.deliveryId), eb('provider_sid', 'is', null)])])
        : eb('provider_sid', '=', report.sid),
    )
    .where('status_rank', '<', r)
    .returningAll()
    .executeTakeFirst();
}
