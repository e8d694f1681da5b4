/**
 * Twilio's error codes, each mapped to our own code, whether a retry can help, and a plain-English
 * explanation with the fix, shown to staff beside a failed delivery.
 * Sources: https://www.twilio.com/docs/api/errors/{code}
 */
export type DeliveryErrorCode =
  | 'PROVIDER_AUTH_FAILED'
  | 'PROVIDER_RATE_LIMITED'
  | 'INVALID_RECIPIENT'
  | 'REGION_NOT_ENABLED'
  | 'RECIPIENT_OPTED_OUT'
  | 'SENDER_CANNOT_REACH'
  | 'NOT_A_MOBILE_NUMBER'
  | 'BODY_TOO_LONG'
  | 'QUEUE_OVERFLOW'
  | 'ACCOUNT_SUSPENDED'
  | 'UNKNOWN_DESTINATION'
  | 'LANDLINE_OR_UNREACHABLE'
  | 'CARRIER_FILTERED'
  | 'UNKNOWN_ERROR'
  | 'MEDIA_TOO_LARGE'
  | 'MEDIA_UNREACHABLE'
  | 'MEDIA_UNSUPPORTED'
  | 'NETWORK_ERROR'
  | 'PROVIDER_UNAVAILABLE'
  | 'PROVIDER_ERROR';

export interface DeliveryErrorInfo {
  code: DeliveryErrorCode;
  /** A later attempt may succeed (rate limits, outages); permanent failures are not retried. */
  transient: boolean;
  explanation: string;
}

export const TWILIO_ERRORS: Record<number, DeliveryErrorInfo> = {
  20003: { code: 'PROVIDER_AUTH_FAILED', transient: false, explanation: 'Twilio refused the credentials — check the Account SID and Auth Token (or API key) in Company Preferences > Add-Ons > Conversations.' },
  20429: { code: 'PROVIDER_RATE_LIMITED', transient: true, explanation: 'Twilio asked us to slow down (too many requests); the message is retried automatically.' },
  21211: { code: 'INVALID_RECIPIENT', transient: false, explanation: "Twilio says the 'To' number is not a valid phone number — correct the number on the Contact Card." },
  21408: { code: 'REGION_NOT_ENABLED', transient: false, explanation: "Sending to this country is not enabled on the Twilio account — enable the region in Twilio's Messaging Geographic Permissions." },
  21610: { code: 'RECIPIENT_OPTED_OUT', transient: false, explanation: 'The recipient has unsubscribed (replied STOP) — they must text START to receive messages again.' },
  21612: { code: 'SENDER_CANNOT_REACH', transient: false, explanation: "Twilio cannot route from our number to this one (unsupported carrier or number type) — try another of the customer's numbers." },
  21614: { code: 'NOT_A_MOBILE_NUMBER', transient: false, explanation: 'This number is not a mobile number and cannot receive texts — consider Disable Texting This Number.' },
  21617: { code: 'BODY_TOO_LONG', transient: false, explanation: 'The message is longer than the 1,600 characters Twilio accepts — shorten it or split it.' },
  30001: { code: 'QUEUE_OVERFLOW', transient: true, explanation: "Twilio's queue for our number overflowed; the message is retried automatically." },
  30002: { code: 'ACCOUNT_SUSPENDED', transient: false, explanation: 'The Twilio account is suspended — contact the Twilio account owner.' },
  30003: { code: 'LANDLINE_OR_UNREACHABLE', transient: false, explanation: 'The phone is switched off, out of coverage or no longer in service — try again later or use another number.' },
  30004: { code: 'RECIPIENT_OPTED_OUT', transient: false, explanation: "The message was blocked: the recipient blocked our number or their carrier doesn't allow it — ask them to text START." },
  30005: { code: 'UNKNOWN_DESTINATION', transient: false, explanation: 'The carrier says this number does not exist — check the number on the Contact Card.' },
  30006: { code: 'LANDLINE_OR_UNREACHABLE', transient: false, explanation: 'Landline or unreachable carrier — this number probably cannot receive texts; consider Disable Texting This Number.' },
  30007: { code: 'CARRIER_FILTERED', transient: false, explanation: 'The carrier filtered the message as possible spam — rephrase it (avoid link shorteners and all-caps) or register the sender for A2P 10DLC.' },
  30008: { code: 'UNKNOWN_ERROR', transient: false, explanation: 'The carrier reported an unknown error — try sending again later; if it repeats, the number may not accept texts.' },
  30019: { code: 'MEDIA_TOO_LARGE', transient: false, explanation: 'The attachment is larger than the carrier accepts for MMS — send a smaller picture or send it as a link.' },
  11200: { code: 'MEDIA_UNREACHABLE', transient: true, explanation: 'Twilio could not download the attachment from our server — check the Conversation Attachment URL in Company Preferences.' },
  12300: { code: 'MEDIA_UNSUPPORTED', transient: false, explanation: 'Twilio does not accept this attachment type as MMS — send it as a download link.' },
};

/** The explanation for a Twilio error code, falling back to a generic one for codes not listed. */
export function describeTwilioError(code: number | null | undefined, httpStatus?: number): DeliveryErrorInfo {
  if (code !== null && code !== undefined && TWILIO_ERRORS[code]) return TWILIO_ERRORS[code];
  if (httpStatus === 429) return TWILIO_ERRORS[20429]!;
  if (httpStatus !== undefined && httpStatus >= 500) {
    return { code: 'PROVIDER_UNAVAILABLE', transient: true, explanation: 'Twilio is having trouble right now; the message is retried automatically.' };
  }
  return {
    code: 'PROVIDER_ERROR',
    transient: false,
    explanation: `Twilio refused the message${code ? ` (error ${code})` : ''} — see https://www.twilio.com/docs/api/errors${code ? `/${code}` : ''}.`,
  };
}

export const NETWORK_ERROR: DeliveryErrorInfo = {
  code: 'NETWORK_ERROR',
  transient: true,
  explanation: 'Twilio could not be reached (network error); the message is retried automatically.',
};
