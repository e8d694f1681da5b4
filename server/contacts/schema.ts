import { z } from 'zod';
import { optionalText } from '../http/schemas.js';

export const numberParams = z.object({ number: z.string().min(1).max(50) });

export const contactCardIn = z.object({
  name: optionalText(200),
  companyName: optionalText(200),
  label: optionalText(100),
  notes: optionalText(2000),
  textingDisabled: z.boolean(),
});
export type ContactCardInput = z.output<typeof contactCardIn>;

/** "Add to Existing": put the number in an existing customer's or vendor's Contact Methods. */
export const addToPartyIn = z.object({
  kind: z.enum(['customer', 'vendor']),
  partyId: z.number().int().positive(),
  type: z.enum(['Phone', 'Cell Phone']).default('Cell Phone'),
  description: optionalText(200),
});

/** "Add Customer" / "Add Vendor": a new entity with the number in its Contact Methods. */
export const createPartyIn = z.object({
  kind: z.enum(['customer', 'vendor']),
  name: z.string().trim().max(200).optional(),
  companyName: optionalText(200),
  type: z.enum(['Phone', 'Cell Phone']).default('Cell Phone'),
  description: optionalText(200),
});

export const contactSearchQuery = z.object({ q: z.string().trim().max(100).default(''), limit: z.coerce.number().int().min(1).max(50).default(20) });
