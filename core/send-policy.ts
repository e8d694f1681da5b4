import type { ConsentState } from './consent.js';

/** The product's own error texts, verbatim from the requirements. */
export const TEXTING_DISABLED_MESSAGE =
  'Unable to send message. One or more recipient phone numbers have texting disabled. It can be re-enabled in the phone number screen.';
export const UNSUBSCRIBED_MESSAGE =
  'Unable to send message. One or more recipient phone numbers have unsubscribed from receiving messages. Unsubscribed numbers must respond with “START”, to re-subscribe.';
export const OPT_IN_REQUIRED_MESSAGE = 'Opt-in is required before texting these numbers.';

export interface Recipient {
  number: string;
  textingDisabled: boolean;
  consent: ConsentState;
}

export type PolicyVerdict =
  | { ok: true }
  | { ok: false; code: 'TEXTING_DISABLED' | 'UNSUBSCRIBED' | 'OPT_IN_REQUIRED'; message: string; numbers: string[] };

/**
 * Whether a message may be texted to all of its recipients — all or nothing, checked in the
 * order the product defines: texting disabled, then unsubscribed, then not yet opted in.
 */
export function checkSendPolicy(recipients: Recipient[]): PolicyVerdict {
  const disabled = recipients.filter((r) => r.textingDisabled).map((r) => r.number);
  if (disabled.length) return { ok: false, code: 'TEXTING_DISABLED', message: TEXTING_DISABLED_MESSAGE, numbers: disabled };
  const out = recipients.filter((r) => r.consent === 'opted_out').map((r) => r.number);
  if (out.length) return { ok: false, code: 'UNSUBSCRIBED', message: UNSUBSCRIBED_MESSAGE, numbers: out };
  const notIn = recipients.filter((r) => r.consent !== 'opted_in').map((r) => r.number);
  if (notIn.length) return { ok: false, code: 'OPT_IN_REQUIRED', message: OPT_IN_REQUIRED_MESSAGE, numbers: notIn };
  return { ok: true };
}
