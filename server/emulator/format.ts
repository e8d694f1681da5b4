import { randomBytes } from 'node:crypto';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { SegmentedMessage } from 'sms-segments-calculator';

/** A Twilio SID: two-letter prefix and 32 lowercase hex digits (SM…, MM…, ME…, PA…). */
export function newSid(prefix: 'SM' | 'MM' | 'ME'): string {
  return prefix + randomBytes(16).toString('hex');
}

/** `Thu, 24 Aug 2023 05:01:45 +0000`: the RFC 2822 form Twilio uses in every date field. */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

/** E.164: a plus and up to 15 digits (https://www.twilio.com/docs/glossary/what-e164). */
export const E164 = /^\+[1-9]\d{1,14}$/;

/** A number Twilio would accept as a destination: E.164 and a real numbering plan. */
export function isValidDestination(phoneNumber: string): boolean {
  return E164.test(phoneNumber) && isValidPhoneNumber(phoneNumber);
}

/**
 * Segments as Twilio bills them: GSM-7 (160 / 153 per part) or UCS-2 (70 / 67), computed by
 * Twilio's own calculator library. An empty body (media only) is one segment.
 */
export function countSegments(body: string): number {
  if (!body) return 1;
  return new SegmentedMessage(body).segmentsCount;
}

/** A form or query value that may repeat, reduced to its first value. */
export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A form or query value that may repeat, as a list. */
export function all(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Parses a form-encoded body keeping repeated keys (MediaUrl=…&MediaUrl=…) as lists. */
export function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}

/** City/state/zip Twilio fills in from the number's area code; empty when it does not know. */
export interface Geo {
  City: string;
  State: string;
  Zip: string;
  Country: string;
}

const AREA_CODES: Record<string, Omit<Geo, 'Country'>> = {
  '201': { City: 'JERSEY CITY', State: 'NJ', Zip: '07302' },
  '202': { City: 'WASHINGTON', State: 'DC', Zip: '20001' },
  '212': { City: 'NEW YORK', State: 'NY', Zip: '10001' },
  '312': { City: 'CHICAGO', State: 'IL', Zip: '60601' },
  '415': { City: 'SAN FRANCISCO', State: 'CA', Zip: '94105' },
  '503': { City: 'PORTLAND', State: 'OR', Zip: '97201' },
  '512': { City: 'AUSTIN', State: 'TX', Zip: '78701' },
  '617': { City: 'BOSTON', State: 'MA', Zip: '02108' },
};

/** The geographic fields of an incoming-message webhook for one side of it. */
export function geoOf(phoneNumber: string): Geo {
  if (!phoneNumber.startsWith('+1')) return { City: '', State: '', Zip: '', Country: '' };
  const known = AREA_CODES[phoneNumber.slice(2, 5)];
  return { City: known?.City ?? '', State: known?.State ?? '', Zip: known?.Zip ?? '', Country: 'US' };
}
