import { fromTwilioStatus } from '../../../core/delivery-status.js';
import { describeTwilioError } from '../../../core/twilio-errors.js';
import type { Services } from '../../context.js';
import { AppError } from '../../errors.js';
import { publishDeliveryUpdates } from '../delivery-events.js';
import { applyStatusReport } from '../outbox/record-outcome.js';
import type { FormParams } from '../webhooks/signature.js';
import { param } from '../webhooks/signature.js';

/**
 * Applies a Twilio status callback to its delivery. Status only moves forward, so out-of-order
 * and repeated callbacks are harmless; a callback for a message we do not know changes nothing.
 */
export async function applyStatusCallback(s: Services, params: FormParams, deliveryId: number | null): Promise<boolean> {
  const sid = param(params, 'MessageSid') ?? param(params, 'SmsSid');
  const twilioStatus = param(params, 'MessageStatus') ?? param(params, 'SmsStatus');
  if (!sid || !twilioStatus) throw new AppError('VALIDATION_FAILED', 'A Twilio status callback needs MessageSid and MessageStatus.');
  const status = fromTwilioStatus(twilioStatus);
  if (!status) return false;
  const codeText = param(params, 'ErrorCode');
  const errorCode = codeText && /^\d+$/.test(codeText) ? Number(codeText) : null;
  const failed = status === 'failed' || status === 'undelivered';
  const row = await applyStatusReport(
    s.db,
    { sid, deliveryId, status, errorCode, error: failed ? describeTwilioError(errorCode) : null },
    s.clock.now(),
  );
  if (row) await publishDeliveryUpdates(s, [row]);
  return Boolean(row);
}
