import { uploadAttachment } from '../../../attachments/commands/upload-attachment.js';
import type { AttachmentOut } from '../../../attachments/presenters.js';
import type { Ctx } from '../../../context.js';
import { getPreferences } from '../../../preferences/queries/get-preferences.js';
import { transactionCodePng } from '../codes.js';
import { getTransaction } from '../queries/get-transaction.js';

/**
 * The side panel's barcode / QR button: the Transaction ID as a PNG (per the Company Preference),
 * stored as an upload of the actor's ready to attach to the message being written. Every click
 * gives the same image.
 */
export async function attachTransactionCode(ctx: Ctx, transactionId: number): Promise<AttachmentOut> {
  const [tx, prefs] = await Promise.all([getTransaction(ctx.db, transactionId), getPreferences(ctx.db)]);
  const kind = prefs.transactionCode;
  const png = await transactionCodePng(kind, tx.transactionId);
  return uploadAttachment(ctx, { fileName: `${tx.transactionId}-${kind === 'qr' ? 'qr' : 'barcode'}.png`, bytes: png });
}
