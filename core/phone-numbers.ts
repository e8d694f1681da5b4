import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';

export type PhoneParse =
  | { ok: true; e164: string; national: string; international: string; country: string | null }
  | { ok: false; reason: string };

/**
 * Normalises a typed or received phone number to E.164, reading numbers without a country code
 * in `defaultRegion`. `(201) 555-0123`, `201.555.0123` and `+12015550123` are the same number.
 */
export function parsePhone(input: string, defaultRegion = 'US'): PhoneParse {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'is empty' };
  if (/[a-z]/i.test(text.replace(/\b(ext|x)\.?\s*\d+$/i, ''))) return { ok: false, reason: 'contains letters' };
  const parsed = parsePhoneNumberFromString(text, defaultRegion.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'is not a valid phone number' };
  return {
    ok: true,
    e164: parsed.number,
    national: parsed.formatNational(),
    international: parsed.formatInternational(),
    country: parsed.country ?? null,
  };
}

/** How a number is shown: national format in the company's region, international elsewhere. */
export function formatPhone(e164: string, defaultRegion = 'US'): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === defaultRegion.toUpperCase() ? parsed.formatNational() : parsed.formatInternational();
}
