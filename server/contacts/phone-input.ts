import { parsePhone } from '../../core/phone-numbers.js';
import type { DbOrTrx } from '../db/schema.js';
import { AppError } from '../errors.js';
import { getPreferences } from '../preferences/queries/get-preferences.js';

/** A typed phone number and the request field it came from (named in the error). */
export interface PhoneInput {
  value: string;
  field: string;
}

/**
 * Normalises typed phone numbers to E.164 in the company's default region. Every invalid one is
 * named in a single INVALID_PHONE_NUMBER error, so nothing is stored from a request that has one.
 */
export async function toE164(db: DbOrTrx, inputs: PhoneInput[]): Promise<string[]> {
  if (inputs.length === 0) return [];
  const { defaultRegion } = await getPreferences(db);
  const problems: { field: string; message: string }[] = [];
  const numbers = inputs.map((input) => {
    const parsed = parsePhone(input.value, defaultRegion);
    if (parsed.ok) return parsed.e164;
    problems.push({ field: input.field, message: `“${input.value}” ${parsed.reason}` });
    return '';
  });
  if (problems.length === 1) throw new AppError('INVALID_PHONE_NUMBER', `${problems[0]!.message}.`, { fields: problems });
  if (problems.length) {
    throw new AppError('INVALID_PHONE_NUMBER', `Not a valid phone number: ${problems.map((p) => p.message).join('; ')}.`, { fields: problems });
  }
  return numbers;
}

/** One typed number to E.164 (see toE164). */
export async function oneE164(db: DbOrTrx, value: string, field: string): Promise<string> {
  return (await toE164(db, [{ value, field }]))[0]!;
}
