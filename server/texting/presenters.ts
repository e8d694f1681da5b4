import { z } from 'zod';
import { DELIVERY_STATUSES } from '../../core/delivery-status.js';
import type { DeliveryRow } from './deliveries.table.js';

export const deliveryOut = z.object({
  id: z.number(),
  messageId: z.number(),
  to: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  errorCode: z.number().nullable(),
  errorReason: z.string().nullable(),
  errorMessage: z.string().nullable(),
  attempts: z.number(),
  updatedAt: z.string(),
});
export type DeliveryOut = z.infer<typeof deliveryOut>;

/** One recipient's delivery state, with the failure explained; never lease or provider internals. */
export function presentDelivery(d: DeliveryRow): DeliveryOut {
  return {
    id: d.id,
    messageId: d.message_id,
    to: d.to_number,
    status: d.status,
    errorCode: d.error_code,
    errorReason: d.error_reason,
    errorMessage: d.error_message,
    attempts: d.attempts,
    updatedAt: d.updated_at,
  };
}
