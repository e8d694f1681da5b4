import { TRANSACTION_TYPES, partyKindFor } from '../../../../core/transactions.js';
import type { TransactionType } from '../../../../core/transactions.js';
import { AppError } from '../../../errors.js';

interface FieldProblem {
  field: string;
  message: string;
}

export const validationFailed = (fields: FieldProblem[]) =>
  new AppError('VALIDATION_FAILED', `Invalid input: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, { fields });

/**
 * The party a new transaction of `type` belongs to: A/R types take a customer and A/P types a
 * vendor, never both. Returns the party's id or throws naming the offending fields.
 */
export function partyIdFor(type: TransactionType, input: { customerId?: number | null; vendorId?: number | null }): number {
  const kind = partyKindFor(type);
  const label = TRANSACTION_TYPES[type].label;
  const [wanted, unwanted] = kind === 'customer' ? (['customerId', 'vendorId'] as const) : (['vendorId', 'customerId'] as const);
  const why = kind === 'customer' ? `a ${label} is an A/R transaction and belongs to a customer` : `a ${label} is an A/P transaction and belongs to a vendor`;
  const problems: FieldProblem[] = [];
  if (input[wanted] == null) problems.push({ field: `body.${wanted}`, message: `is required: ${why}` });
  if (input[unwanted] != null) problems.push({ field: `body.${unwanted}`, message: `must be empty: ${why}` });
  if (problems.length) throw validationFailed(problems);
  return input[wanted]!;
}
