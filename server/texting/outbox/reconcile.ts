import { fromTwilioStatus } from '../../../core/delivery-status.js';
import type { Services } from '../../context.js';
import type { MessagingProvider } from '../../providers/messaging-provider.js';
import { publishDeliveryUpdates } from '../delivery-events.js';
import { recordAccepted, requeueUnknown } from './record-outcome.js';

/** How long a status callback gets to identify an unknown send before we ask Twilio. */
export const UNKNOWN_OUTCOME_GRACE_MS = 60_000;

/**
 * Settles deliveries whose send may have reached Twilio without an answer (a time-out, a gateway
 * error, a crash mid-request). The status callback URL carries our delivery id, so Twilio's own
 * callback usually settles it first. Otherwise, after a grace period, Twilio's message list for
 * that number is searched for the same body sent since the attempt began: found, its SID is
 * adopted; not found, the delivery goes back in the queue. Nothing is sent twice on a guess.
 */
export async function reconcileUnknownOutcomes(s: Services, provider: MessagingProvider, limit = 20): Promise<number> {
  const now = s.clock.now();
  const due = await s.db
    .selectFrom('deliveries')
    .innerJoin('messages', 'messages.id', 'deliveries.message_id')
    .selectAll('deliveries')
    // What was texted: a download link's text rather than the (empty) attachment message.
    .select((eb) => eb.fn.coalesce('messages.sms_body', 'messages.body').as('body'))
    .where('deliveries.outcome_unknown', '=', 1)
    .where('deliveries.provider_sid', 'is', null)
    .where('deliveries.attempt_started_at', '<', new Date(now.getTime() - UNKNOWN_OUTCOME_GRACE_MS).toISOString())
    .orderBy('deliveries.id')
    .limit(limit)
    .execute();
  let settled = 0;
  for (const d of due) {
    try {
      const since = new Date(Date.parse(d.attempt_started_at!) - 60_000);
      const candidates = await provider.listSentTo(d.to_number, since);
      const match = candidates.find(
        (m) => m.body === d.body && (m.dateCreated === null || m.dateCreated.getTime() >= since.getTime()),
      );
      const row = match
        ? await recordAccepted(s.db, d.id, match.sid, fromTwilioStatus(match.status) ?? 'queued', d.sender ?? '', s.clock.now())
        : await requeueUnknown(s.db, d.id, s.clock.now());
      if (row) {
        settled++;
        await publishDeliveryUpdates(s, [row]);
      }
      s.log.info({ deliveryId: d.id, adopted: match?.sid ?? null }, 'settled a send of unknown outcome');
    } catch (err) {
      s.log.warn({ err, deliveryId: d.id }, 'could not settle a send of unknown outcome yet');
    }
  }
  return settled;
}
