import { uploadAttachment } from '../../../attachments/commands/upload-attachment.js';
import type { AttachmentOut } from '../../../attachments/presenters.js';
import type { Ctx } from '../../../context.js';
import { transactionCodeImage } from '../codes.js';

/**
 * The side panel's barcode / QR button: the Transaction ID as a PNG (per the Company Preference),
 * stored as an upload of the actor's ready to attach to the message being written. Every click
 * gives the same image.
 */
export async function attachTransactionCode(ctx: Ctx, transactionId: number): Promise<AttachmentOut> {
  const image = await transactionCodeImage(ctx.db, transactionId);
  return uploadAttachment(ctx, { fileName: image.fileName, bytes: image.bytes });
}
