import { downloadName, misleadingName } from '../../../core/attachments.js';
import type { Ctx } from '../../context.js';
import { describeType } from '../download-page.js';
import { isoNow } from '../../context.js';
import { AppError } from '../../errors.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';
import { prepareImage } from '../images.js';
import { plannedDelivery, presentAttachment } from '../presenters.js';
import type { AttachmentOut } from '../presenters.js';

/** A file name safe to keep and show: its last path part, without control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (clean.length <= 200) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, 200 - ext.length) + ext;
}

/** For a file whose name claims another type (notes.jpg holding text): what it is and the name it is saved under. */
function mismatchNote(fileName: string, contentType: string): string | null {
  const claimed = misleadingName(fileName, contentType);
  if (!claimed) return null;
  return `The name says ${describeType(claimed)}, but the file is a ${describeType(contentType)}; it is sent as a download link and saved as “${downloadName(fileName, contentType)}”.`;
}

/**
 * Stores an uploaded file, not yet part of any message: the original, and for pictures a
 * thumbnail and (when needed) the JPEG that goes out as MMS. The content type comes from the
 * bytes. Everything written is removed again if any step fails, so nothing half-done remains.
 */
export async function uploadAttachment(ctx: Ctx, input: { fileName: string; bytes: Buffer }): Promise<AttachmentOut> {
  const fileName = cleanFileName(input.fileName);
  if (!fileName) {
    throw new AppError('VALIDATION_FAILED', 'The file needs a name.', { fields: [{ field: 'querystring.name', message: 'is required' }] });
  }
  if (input.bytes.length === 0) {
    throw new AppError('VALIDATION_FAILED', `The file “${fileName}” is empty.`, { fields: [{ field: 'body', message: 'is empty' }] });
  }
  const written: string[] = [];
  try {
    const original = await ctx.files.put(input.bytes);
    written.push(original.key);
    const prefs = await getPreferences(ctx.db);
    const prepared = await prepareImage(input.bytes, original.contentType, prefs.mmsSizeLimitKb * 1024);
    let thumbnailKey: string | null = null;
    let mms: { key: string; contentType: string; size: number } | null = null;
    if (prepared) {
      thumbnailKey = (await ctx.files.put(prepared.thumbnail)).key;
      written.push(thumbnailKey);
      if (prepared.mms) {
        const stored = await ctx.files.put(prepared.mms.bytes);
        written.push(stored.key);
        mms = { key: stored.key, contentType: prepared.mms.contentType, size: stored.size };
      }
    }
    const row = await ctx.db
      .insertInto('attachments')
      .values({
        uploaded_by: ctx.actor.id,
        file_name: fileName,
        content_type: original.contentType,
        size: original.size,
        sha256: original.sha256,
        storage_key: original.key,
        width: prepared?.width ?? null,
        height: prepared?.height ?? null,
        thumbnail_key: thumbnailKey,
        mms_key: mms?.key ?? null,
        mms_content_type: mms?.contentType ?? null,
        mms_size: mms?.size ?? null,
        mms_ok: prepared?.sendAs === 'mms' ? 1 : 0,
        texting_note: prepared?.note ?? mismatchNote(fileName, original.contentType),
        created_at: isoNow(ctx.clock),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return presentAttachment(row, [], ctx.clock.now(), plannedDelivery(row));
  } catch (err) {
    await Promise.all(written.map((key) => ctx.files.delete(key).catch(() => undefined)));
    throw err;
  }
}
