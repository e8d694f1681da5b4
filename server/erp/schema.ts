import { z } from 'zod';
import { CONTACT_METHOD_TYPES } from '../../core/contact-methods.js';
import { optionalText, requiredText } from '../http/schemas.js';

export const partyKind = z.enum(['customer', 'vendor']);
export type PartyKind = z.infer<typeof partyKind>;

export const contactMethodIn = z.object({
  id: z.number().int().positive().optional(),
  type: z.enum(CONTACT_METHOD_TYPES),
  value: requiredText(200),
  description: optionalText(200),
});

export const customerContactIn = z.object({
  id: z.number().int().positive().optional(),
  name: requiredText(200),
  title: optionalText(200),
  phone: optionalText(50),
  email: optionalText(200),
});

export const partyIn = z.object({
  name: requiredText(200),
  companyName: optionalText(200),
  contactMethods: z.array(contactMethodIn).max(100).default([]),
  /** Customers only; a vendor with contacts is refused. */
  contacts: z.array(customerContactIn).max(100).default([]),
});
export type PartyInput = z.output<typeof partyIn>;
