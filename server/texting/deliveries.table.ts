import type { Generated, Selectable } from 'kysely';
import type { DeliveryStatus } from '../../core/delivery-status.js';

/** The outbox: one row per recipient of an outbound message, sent by the dispatcher. */
export interface DeliveriesTable {
  id: Generated<number>;
  message_id: number;
  conversation_id: number;
  to_number: string;
  status: DeliveryStatus;
  /** The status's place in queued → sending → sent → final, so updates only move forward. */
  status_rank: Generated<number>;
  provider_sid: string | null;
  /** The Messaging Service SID or From number it was (or will be) sent from. */
  sender: string | null;
  attempts: Generated<number>;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  attempt_started_at: string | null;
  /** 1 when an attempt may have reached Twilio without us learning the result. */
  outcome_unknown: Generated<number>;
  error_code: number | null;
  error_reason: string | null;
  error_message: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  final_at: string | null;
}
export type DeliveryRow = Selectable<DeliveriesTable>;

/** Per-sender pacing shared by every dispatcher: the end of the last reserved send slot (epoch ms). */
export interface SendSlotsTable {
  sender: string;
  next_slot_ms: number | string;
}
