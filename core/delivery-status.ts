/** Delivery states of one outbound text to one phone, in the only order they may move. */
export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const RANK: Record<DeliveryStatus, number> = { queued: 0, sending: 1, sent: 2, delivered: 3, undelivered: 3, failed: 3 };

/** A status may replace another only if it is further along; final states never change. */
export const statusRank = (s: DeliveryStatus) => RANK[s];
export const isFinalStatus = (s: DeliveryStatus) => RANK[s] === 3;

/**
 * Twilio's message statuses mapped onto ours. `accepted`/`scheduled`/`queued` are Twilio holding
 * the message; `read` (WhatsApp/RCS) is delivered; `canceled` counts as failed.
 * https://www.twilio.com/docs/messaging/api/message-resource#message-status-values
 */
export function fromTwilioStatus(s: string): DeliveryStatus | null {
  switch (s) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
      return 'queued';
    case 'sending':
      return 'sending';
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
    case 'canceled':
      return 'failed';
    default:
      return null;
  }
}
