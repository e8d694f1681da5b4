import { z } from 'zod';
import { MMS_IMAGE_TYPES } from '../../core/attachments.js';
import type { AttachmentRow } from './attachments.table.js';

export const attachmentOut = z.object({
  id: z.number(),
  fileName: z.string(),
  /** Bytes of the original file. */
  size: z.number(),
  /** Detected from the bytes. */
  contentType: z.string(),
  /** A picture with a thumbnail, shown inline. */
  isImage: z.boolean(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  /** The original, for signed-in staff who can see the conversation (`?download=1` to save it). */
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
  /** The picture at full size as a browser can show it (a JPEG copy for HEIC, TIFF, …); null for other files. */
  viewUrl: z.string().nullable(),
  /** How it is (or would be) texted to phones; null in internal conversations and for inbound media. */
  texting: z.object({ as: z.enum(['mms', 'link']), note: z.string().nullable() }).nullable(),
  /** A download link: when it expires and every time it was opened. */
  link: z
    .object({
      expiresAt: z.string().nullable(),
      expired: z.boolean(),
      opens: z.array(z.object({ at: z.string(), kind: z.enum(['page', 'download']) })),
    })
    .nullable(),
  /** Inbound media: fetching it from Twilio. */
  fetch: z.object({ status: z.enum(['pending', 'fetched', 'failed']), error: z.string().nullable() }).nullable(),
});
export type AttachmentOut = z.infer<typeof attachmentOut>;

export interface AttachmentOpen {
  at: string;
  kind: 'page' | 'download';
}

/**
 * `planned` is how an upload would be texted, shown before it is sent; once sent, `send_as` says
 * how it went. Inbound media and internal attachments have no texting.
 */
export function presentAttachment(a: AttachmentRow, opens: AttachmentOpen[], now: Date, planned: 'mms' | 'link' | null = null): AttachmentOut {
  const as = a.send_as ?? planned;
  return {
    id: a.id,
    fileName: a.file_name,
    size: a.size,
    contentType: a.content_type,
    isImage: a.thumbnail_key !== null,
    width: a.width,
    height: a.height,
    url: `/api/attachments/${a.id}/file`,
    thumbnailUrl: a.thumbnail_key ? `/api/attachments/${a.id}/thumbnail` : null,
    viewUrl: !a.thumbnail_key ? null : MMS_IMAGE_TYPES.has(a.content_type) ? `/api/attachments/${a.id}/file` : `/api/attachments/${a.id}/view`,
    texting: as ? { as, note: a.texting_note } : null,
    link:
      a.send_as === 'link'
        ? { expiresAt: a.link_expires_at, expired: a.link_expires_at !== null && a.link_expires_at <= now.toISOString(), opens }
        : null,
    fetch: a.fetch_status ? { status: a.fetch_status, error: a.fetch_error } : null,
  };
}

/** How an upload would be texted: as a picture when it is one that fits (or was made to fit), else as a link. */
export function plannedDelivery(a: Pick<AttachmentRow, 'mms_ok'>): 'mms' | 'link' {
  return a.mms_ok === 1 ? 'mms' : 'link';
}
