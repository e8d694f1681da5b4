import { applyConsent } from '../../../core/consent.js';
import type { ConsentEvent, ConsentState } from '../../../core/consent.js';
import type { Trx } from '../../db/schema.js';
import { AppError } from '../../errors.js';

const LEDGER_EVENT: Record<ConsentEvent['type'], (from: ConsentState) => string> = {
  verbal: () => 'opted_in',
  'text-request-sent': () => 'pending',
  'start-received': (from) => (from === 'opted_out' ? 'resubscribed' : 'opted_in'),
  'stop-received': () => 'opted_out',
  'provider-opt-out': () => 'opted_out',
  'initiated-by-phone': () => 'opted_in',
};

export interface ConsentMeta {
  method: 'verbal' | 'text' | 'keyword' | 'initiated_by_phone' | 'provider';
  userId?: number | null;
  inboundMessageId?: number | null;
  /** The script read, the text sent or the message received. */
  text?: string | null;
  at: string;
}

/**
 * Applies a consent event to a number inside the caller's transaction: moves the Contact Card's
 * state (creating the card if needed) and appends the change to the consent ledger. A change
 * that changes nothing is not recorded; a refused one (staff opting in an unsubscribed number)
 * throws CONFLICT. Returns whether the opt-in confirmation text is now due.
 */
export async function recordConsent(trx: Trx, number: string, event: ConsentEvent, meta: ConsentMeta) {
  const card = await trx.selectFrom('phone_contacts').select(['consent_state']).where('phone_number', '=', number).executeTakeFirst();
  const from = card?.consent_state ?? 'none';
  const outcome = applyConsent(from, event);
  if (!outcome.ok) throw new AppError('CONFLICT', outcome.reason);
  if (!outcome.changed) return { state: outcome.state, changed: false, sendConfirmation: false };
  await trx
    .insertInto('phone_contacts')
    .values({ phone_number: number, consent_state: outcome.state, consent_at: meta.at, created_at: meta.at, updated_at: meta.at })
    .onConflict((oc) => oc.column('phone_number').doUpdateSet({ consent_state: outcome.state, consent_at: meta.at, updated_at: meta.at }))
    .execute();
  await trx
    .insertInto('consent_events')
    .values({
      phone_number: number,
      event: LEDGER_EVENT[event.type](from),
      state_after: outcome.state,
      method: meta.method,
      user_id: meta.userId ?? null,
      inbound_message_id: meta.inboundMessageId ?? null,
      text: meta.text ?? null,
      created_at: meta.at,
    })
    .execute();
  return { state: outcome.state, changed: true, sendConfirmation: outcome.sendConfirmation };
}
