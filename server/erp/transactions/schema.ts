import { z } from 'zod';
import { TRANSACTION_STATUSES, TRANSACTION_TYPE_KEYS } from '../../../core/transactions.js';
import { optionalText, pageQuery } from '../../http/schemas.js';

const isCalendarDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
};

/** A calendar date as YYYY-MM-DD that exists (2026-02-30 does not). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a real calendar date');

export const transactionType = z.enum(TRANSACTION_TYPE_KEYS);
const id = z.number().int().positive();
/** Cents; the upper bound is PostgreSQL's integer, so both databases accept the same amounts. */
const totalCents = z.number().int().min(0).max(2_147_483_647);

export const transactionCreateIn = z.object({
  type: transactionType,
  /** A/R types (quote, sales order, invoice) need a customer; null is the same as absent. */
  customerId: id.nullish(),
  /** A/P types (purchase order, vendor bill) need a vendor. */
  vendorId: id.nullish(),
  status: z.enum(TRANSACTION_STATUSES).default('open'),
  /** Defaults to today in the company's time zone. */
  date: isoDate.optional(),
  totalCents: totalCents.default(0),
  memo: optionalText(2000),
});
export type TransactionCreateInput = z.output<typeof transactionCreateIn>;

/**
 * Replaces a transaction's editable fields. Type and party are fixed once created; they may be
 * echoed back (an edit form sends the whole record) but not changed.
 */
export const transactionUpdateIn = z.object({
  status: z.enum(TRANSACTION_STATUSES),
  date: isoDate,
  totalCents,
  memo: optionalText(2000),
  type: transactionType.optional(),
  customerId: id.nullish(),
  vendorId: id.nullish(),
});
export type TransactionUpdateInput = z.output<typeof transactionUpdateIn>;

export const transactionListQuery = pageQuery.extend({
  type: transactionType.optional(),
  customerId: z.coerce.number().int().positive().optional(),
  vendorId: z.coerce.number().int().positive().optional(),
});
export type TransactionListInput = z.output<typeof transactionListQuery>;
