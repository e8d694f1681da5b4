import type { DeliveryErrorCode } from './twilio-errors.js';

/** The demo account the emulator accepts when no accounts are configured (fixed, so .env files can name it). */
export const DEMO_ACCOUNT_SID = 'AC5b0a4d000000000000000000000e0001';
/** The demo account's Auth Token. */
export const DEMO_AUTH_TOKEN = '5b1e0dcafe5b1e0dcafe5b1e0dcafe00';
/** The business number and Messaging Service the emulator starts with when none are configured. */
export const DEMO_PHONE_NUMBER = '+12015550100';
export const DEMO_MESSAGING_SERVICE_SID = 'MG5b0a4d000000000000000000000e0001';

/** Twilio's API version, in every message, callback and webhook. */
export const API_VERSION = '2010-04-01';
/** Twilio refuses bodies longer than this (https://www.twilio.com/docs/api/errors/21617). */
export const MAX_BODY_LENGTH = 1600;
/** At most 10 MediaUrl per message (https://www.twilio.com/docs/api/errors/21623). */
export const MAX_MEDIA_PER_MESSAGE = 10;
/** Total media size of one MMS (https://www.twilio.com/docs/messaging/guides/accepted-mime-types). */
export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;

/**
 * What a reserved number does. `create` numbers are refused by the API (HTTP 400 with the code);
 * `delivery` numbers are accepted, reach `sent`, then end `undelivered` with the code;
 * `no-receipt` numbers stay at `sent`, as when a carrier never returns a delivery receipt.
 */
export type ReservedBehaviour =
  | { kind: 'create'; code: 21610 | 21614 }
  | { kind: 'delivery'; code: Extract<DeliveryErrorCode, 30003 | 30005 | 30006 | 30007 | 30008> }
  | { kind: 'no-receipt' };

export interface ReservedNumber {
  phoneNumber: string;
  description: string;
  behaviour: ReservedBehaviour;
}

/**
 * Destination numbers that simulate failures. All are in the fictional 555-01xx range that
 * libphonenumber-js accepts as valid US numbers, so the app's own validation lets them through.
 * Documented in server/emulator/README.md.
 */
export const RESERVED_NUMBERS: readonly ReservedNumber[] = [
  { phoneNumber: '+12015550181', description: 'Landline', behaviour: { kind: 'delivery', code: 30006 } },
  { phoneNumber: '+12015550182', description: 'Unreachable handset', behaviour: { kind: 'delivery', code: 30003 } },
  { phoneNumber: '+12015550183', description: 'Unknown destination handset', behaviour: { kind: 'delivery', code: 30005 } },
  { phoneNumber: '+12015550184', description: 'Carrier filtered the message', behaviour: { kind: 'delivery', code: 30007 } },
  { phoneNumber: '+12015550185', description: 'Unknown carrier error', behaviour: { kind: 'delivery', code: 30008 } },
  { phoneNumber: '+12015550186', description: 'Not a mobile number (refused at create)', behaviour: { kind: 'create', code: 21614 } },
  {
    phoneNumber: '+12015550187',
    description: 'Unsubscribed at the carrier (refused at create)',
    behaviour: { kind: 'create', code: 21610 },
  },
  { phoneNumber: '+12015550188', description: 'No delivery receipt (stays sent)', behaviour: { kind: 'no-receipt' } },
];

/** The reserved behaviour of a destination number, if any. */
export function reservedBehaviour(phoneNumber: string): ReservedBehaviour | undefined {
  return RESERVED_NUMBERS.find((r) => r.phoneNumber === phoneNumber)?.behaviour;
}

/**
 * Content types Twilio accepts for MMS media; anything else fails with 12300
 * (https://www.twilio.com/docs/messaging/guides/accepted-mime-types).
 */
export const ACCEPTED_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg', 'image/jpg', 'image/gif', 'image/png', 'image/bmp', 'image/tiff', 'image/heic', 'image/heif',
  'audio/basic', 'audio/L24', 'audio/mp4', 'audio/mpeg', 'audio/ogg', 'audio/vnd.rn-realaudio', 'audio/vnd.wave',
  'audio/3gpp', 'audio/3gpp2', 'audio/ac3', 'audio/webm', 'audio/amr-nb', 'audio/amr', 'audio/aac',
  'video/mpeg', 'video/mp4', 'video/quicktime', 'video/webm', 'video/3gpp', 'video/3gpp2', 'video/3gpp-tt',
  'video/H261', 'video/H263', 'video/H263-1998', 'video/H263-2000', 'video/H264',
  'text/vcard', 'text/x-vcard', 'text/csv', 'text/rtf', 'text/richtext', 'text/calendar', 'text/directory',
  'application/pdf', 'application/vcard', 'application/vnd.apple.pkpass',
].map((t) => t.toLowerCase()));
