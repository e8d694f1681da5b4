import type { Recipient } from '../../../core/send-policy.js';
import type { DbOrTrx } from '../../db/schema.js';

/** A conversation's phone numbers with what the send policy needs to know of each. */
export async function recipientsOf(db: DbOrTrx, conversationId: number): Promise<Recipient[]> {
  const rows = await db
    .selectFrom('conversation_endpoints as e')
    .leftJoin('phone_contacts as c', 'c.phone_number', 'e.phone_number')
    .select(['e.phone_number', 'c.texting_disabled', 'c.consent_state'])
    .where('e.conversation_id', '=', conversationId)
    .orderBy('e.created_at')
    .orderBy('e.phone_number')
    .execute();
  return rows.map((r) => ({ number: r.phone_number, textingDisabled: r.texting_disabled === 1, consent: r.consent_state ?? 'none' }));
}
