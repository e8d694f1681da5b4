import { MMS_IMAGE_TYPES, downloadName } from '../../../core/attachments.js';
import type { Actor, Services } from '../../context.js';
import { AppError } from '../../errors.js';
import { mediaSignatureValid } from '../public-links.js';
import { findReadableAttachment } from './find-attachment.js';

export interface FileToSend {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  disposition: 'inline' | 'attachment';
}

const asJpegName = (name: string) => `${name.replace(/\.[^.]*$/, '')}.jpg`;

/**
 * The bytes an MMS picture's media URL serves — its MMS copy when it was converted or made
 * smaller — or null for a bad signature (checked before any lookup), a deleted file or one not
 * texted as a picture.
 */
export async function mmsMedia(s: Services, id: number, signature: string): Promise<FileToSend | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || !mediaSignatureValid(s.secrets, id, signature)) return null;
  const a = await s.db.selectFrom('attachments').selectAll().where('id', '=', id).where('deleted_at', 'is', null).where('send_as', '=', 'mms').executeTakeFirst();
  const key = a ? (a.mms_key ?? a.storage_key) : null;
  const bytes = key ? await s.files.get(key) : null;
  if (!a || !bytes) return null;
  return a.mms_key
    ? { bytes, contentType: a.mms_content_type ?? 'image/jpeg', fileName: asJpegName(a.file_name), disposition: 'inline' }
    : { bytes, contentType: a.content_type, fileName: a.file_name, disposition: 'inline' };
}

/**
 * A file of an attachment the actor may read: the original (pictures a browser shows are shown in
 * place unless `download`; everything else is saved, under its real extension), its thumbnail, or
 * its `view` (a JPEG of a picture browsers cannot show: the MMS copy, else the thumbnail).
 */
export async function attachmentFile(s: Services, actor: Actor, id: number, variant: 'original' | 'thumbnail' | 'view', download = false): Promise<FileToSend> {
  const a = await findReadableAttachment(s.db, actor, id);
  if (variant === 'original') {
    const bytes = a.storage_key ? await s.files.get(a.storage_key) : null;
    if (!bytes) throw new AppError('NOT_FOUND', a.fetch_status && a.fetch_status !== 'fetched' ? 'This attachment has not been downloaded from Twilio.' : 'The file of this attachment is missing.');
    const inline = !download && MMS_IMAGE_TYPES.has(a.content_type);
    return { bytes, contentType: a.content_type, fileName: inline ? a.file_name : downloadName(a.file_name, a.content_type), disposition: inline ? 'inline' : 'attachment' };
  }
  const key = variant === 'thumbnail' ? a.thumbnail_key : (a.mms_key ?? a.thumbnail_key);
  const bytes = key ? await s.files.get(key) : null;
  if (!bytes) throw new AppError('NOT_FOUND', variant === 'thumbnail' ? 'This attachment has no thumbnail.' : 'This attachment has no picture to show.');
  const fileName = variant === 'thumbnail' ? `${a.file_name.replace(/\.[^.]*$/, '')}-thumbnail.jpg` : asJpegName(a.file_name);
  return { bytes, contentType: 'image/jpeg', fileName, disposition: 'inline' };
}
