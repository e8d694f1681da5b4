import type { Delivery, DeliveryStatus, Message, PhoneEndpoint } from '../api/types';

const LABELS: Record<DeliveryStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  undelivered: 'Undelivered',
  failed: 'Failed',
};

/** The status word shown for a delivery: "Delivered", "Undelivered"… */
export const deliveryStatusLabel = (s: DeliveryStatus): string => LABELS[s];

/** How a status looks: still on its way, handed to the carrier, arrived, or did not arrive. */
export type DeliveryTone = 'pending' | 'sent' | 'ok' | 'failed';

export function deliveryTone(s: DeliveryStatus): DeliveryTone {
  switch (s) {
    case 'queued':
    case 'sending':
      return 'pending';
    case 'sent':
      return 'sent';
    case 'delivered':
      return 'ok';
    case 'undelivered':
    case 'failed':
      return 'failed';
  }
}

/** How a phone number is shown in this conversation: its label, else the number itself. */
export function phoneLabel(phoneNumbers: readonly PhoneEndpoint[], number: string | null): string {
  if (!number) return 'Unknown phone';
  return phoneNumbers.find((p) => p.number === number)?.label ?? number;
}

/** Who wrote a message: the staff member, or for an inbound text the phone (its label). */
export function senderName(m: Message, phoneNumbers: readonly PhoneEndpoint[]): string {
  if (m.direction === 'inbound') return phoneLabel(phoneNumbers, m.phoneNumber);
  // A text nobody wrote: the confirmation sent when a number replies START, a HELP answer…
  if (m.direction === 'outbound' && !m.author) return 'Automatic text';
  return m.author?.name ?? 'Unknown user';
}

/**
 * What went wrong, in plain English with Twilio's code: for a failed text why it did not arrive,
 * for one still queued why the last attempt did not go through (it is retried). Null otherwise.
 */
export function deliveryProblem(d: Delivery): string | null {
  const tone = deliveryTone(d.status);
  if (tone === 'failed') {
    const text = d.errorMessage ?? 'The text could not be delivered.';
    return d.errorCode !== null ? `${text} (error ${d.errorCode})` : text;
  }
  if (tone === 'pending' && d.errorMessage) {
    const code = d.errorCode !== null ? ` (error ${d.errorCode})` : '';
    return `Attempt ${d.attempts} did not go through${code}: ${d.errorMessage}`;
  }
  return null;
}

const CONSENT_EVENTS: Record<string, string> = {
  opted_in: 'Opted in',
  pending: 'Opt-in requested',
  resubscribed: 'Re-subscribed',
  opted_out: 'Unsubscribed',
  texting_disabled: 'Texting disabled',
  texting_enabled: 'Texting re-enabled',
};

const CONSENT_METHODS: Record<string, string> = {
  verbal: 'verbal agreement',
  text: 'text message',
  keyword: 'keyword texted by the number',
  initiated_by_phone: 'the number texted first',
  provider: 'reported by the carrier',
  staff: 'changed on the Contact Card',
};

/** A consent ledger entry in words: "Opted in", "Unsubscribed"… (unknown events as they are). */
export const consentEventLabel = (event: string): string =>
  CONSENT_EVENTS[event] ?? event.replaceAll('_', ' ');

/** How a consent change came about: "verbal agreement", "keyword texted by the number"… */
export const consentMethodLabel = (method: string): string =>
  CONSENT_METHODS[method] ?? method.replaceAll('_', ' ');
