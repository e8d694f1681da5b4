import { uploadProblem } from '../api/attachments';
import type { Attachment } from '../api/types';

/** A file on the composer's list: being uploaded, uploaded (ready to send), or refused. */
export interface DraftAttachment {
  /** Local id, stable while it is on the list. */
  key: string;
  fileName: string;
  size: number;
  status: 'uploading' | 'uploaded' | 'failed';
  /** Share uploaded so far, 0 to 1. */
  progress: number;
  /** Why it failed: the server's words (or the same words checked before uploading). */
  error: string | null;
  /** The stored attachment once uploaded. */
  attachment: Attachment | null;
}

/** A file just added: refused at once when too large or empty, else on its way up. */
export function newDraft(
  key: string,
  file: { name: string; size: number },
  maxBytes: number,
): DraftAttachment {
  const problem = uploadProblem(file.size, maxBytes);
  return {
    key,
    fileName: file.name,
    size: file.size,
    status: problem ? 'failed' : 'uploading',
    progress: 0,
    error: problem,
    attachment: null,
  };
}

/** An attachment already stored on the server, listed ready to send (e.g. a transaction's QR code). */
export function uploadedDraft(key: string, attachment: Attachment, fallbackName = ''): DraftAttachment {
  return {
    key,
    fileName: attachment.fileName || fallbackName,
    size: attachment.size,
    status: 'uploaded',
    progress: 1,
    error: null,
    attachment,
  };
}

export function patchDraft(
  list: readonly DraftAttachment[],
  key: string,
  patch: Partial<Omit<DraftAttachment, 'key'>>,
): DraftAttachment[] {
  return list.map((d) => (d.key === key ? { ...d, ...patch } : d));
}

export const withoutDraft = (list: readonly DraftAttachment[], key: string): DraftAttachment[] =>
  list.filter((d) => d.key !== key);

/** Moves one file up (delta -1) or down (+1); the list is unchanged at either end. */
export function moveDraft(list: readonly DraftAttachment[], key: string, delta: -1 | 1): DraftAttachment[] {
  const from = list.findIndex((d) => d.key === key);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}

export const isUploading = (list: readonly DraftAttachment[]): boolean =>
  list.some((d) => d.status === 'uploading');

/** The ids to send, in the order shown; files still uploading or refused are left out. */
export function sendableIds(list: readonly DraftAttachment[]): number[] {
  const ids: number[] = [];
  for (const d of list) if (d.status === 'uploaded' && d.attachment) ids.push(d.attachment.id);
  return ids;
}

/** After a send: the files that went are off the list; refused ones stay with their error. */
export const withoutSent = (list: readonly DraftAttachment[], ids: readonly number[]): DraftAttachment[] =>
  list.filter((d) => !(d.attachment && ids.includes(d.attachment.id)));

const TEXTED_AS: Record<'mms' | 'link', string> = {
  mms: 'Sent as a picture',
  link: 'Sent as a download link',
};

/**
 * How a file is texted to phones, in two parts: "Sent as a picture" / "Sent as a download link",
 * and the server's note ("Converted from HEIC to JPEG for MMS."). When the note already says how
 * it goes ("Sent as a download link: the picture could not…") it is shown alone.
 */
export function textingWords(texting: NonNullable<Attachment['texting']>): {
  how: string | null;
  note: string | null;
} {
  const how = TEXTED_AS[texting.as];
  const note = texting.note?.trim() || null;
  if (note && note.toLowerCase().startsWith(how.toLowerCase())) return { how: null, note };
  return { how, note };
}

/** "Not opened yet", "Opened 1 time", "Opened 3 times". */
export function opensLabel(count: number): string {
  if (count === 0) return 'Not opened yet';
  return `Opened ${count} ${count === 1 ? 'time' : 'times'}`;
}

/** What one opening of a download link was. */
export const openKindLabel = (kind: 'page' | 'download'): string =>
  kind === 'download' ? 'Downloaded' : 'Viewed the page';

/** Inbound media is shown once fetched; until then, or when fetching failed, a line says so. */
export function fetchState(a: Attachment): 'ready' | 'pending' | 'failed' {
  if (!a.fetch || a.fetch.status === 'fetched') return 'ready';
  return a.fetch.status;
}

/** An attachment shown as a picture (its thumbnail inline), not as a file chip. */
export const showsAsImage = (a: Attachment): boolean => a.isImage && !!a.thumbnailUrl;

/** The largest side of a picture shown inline in the thread, in CSS pixels. */
export const THUMBNAIL_BOX = 240;

/**
 * The size a picture is shown at in the thread: fitted into 240 × 240 without growing, so its
 * space is kept before it loads (the thread stays scrolled to the bottom). Empty when unknown.
 */
export function thumbnailSize(
  width: number | null,
  height: number | null,
  box = THUMBNAIL_BOX,
): { width?: number; height?: number } {
  if (!width || !height || width <= 0 || height <= 0) return {};
  const scale = Math.min(1, box / width, box / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Words for a message made only of files (the live announcement, where the body would go). */
export function describeAttachments(attachments: readonly Attachment[]): string {
  if (attachments.length === 0) return '';
  if (attachments.length === 1) return attachments[0]!.fileName || 'an attachment';
  return `${attachments.length} attachments`;
}
