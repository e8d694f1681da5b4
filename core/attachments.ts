/** Twilio's limit for the media of one MMS (https://www.twilio.com/docs/messaging/guides/accepted-mime-types). */
export const MMS_MAX_BYTES = 5 * 1024 * 1024;
/** Download links for non-image attachments stay active this long after sending. */
export const DOWNLOAD_LINK_DAYS = 14;

/** Picture formats carriers show inline as MMS; other pictures are converted to JPEG first. */
export const MMS_IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif']);
export const CONVERTIBLE_IMAGE_TYPES = new Set(['image/heic', 'image/heif', 'image/avif', 'image/webp', 'image/tiff', 'image/bmp']);

export type Delivery = 'mms-image' | 'convert-to-jpeg' | 'download-link';

/** How an attachment of a (sniffed) content type is texted. */
export function deliveryFor(contentType: string): Delivery {
  if (MMS_IMAGE_TYPES.has(contentType)) return 'mms-image';
  if (CONVERTIBLE_IMAGE_TYPES.has(contentType)) return 'convert-to-jpeg';
  return 'download-link';
}

export type PlannedMessage<A> = { kind: 'text'; body: string } | { kind: 'attachment'; attachment: A };

/**
 * A message with N attachments is sent as N+1 messages: the text first (if any), then one
 * message per attachment in the order shown.
 */
export function planMessages<A>(body: string, attachments: readonly A[]): PlannedMessage<A>[] {
  const plan: PlannedMessage<A>[] = [];
  if (body.trim()) plan.push({ kind: 'text', body });
  for (const attachment of attachments) plan.push({ kind: 'attachment', attachment });
  return plan;
}

/** Bytes as people read them: "812 bytes", "182 KB", "9.1 MB" (1 KB = 1,024 bytes). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n.toLocaleString('en-US')} ${n === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 && unit > 0 ? 1 : 0;
  return `${Number(value.toFixed(digits)).toLocaleString('en-US')} ${units[unit]}`;
}

/** The text that carries a non-image attachment to a phone: its name, size and download link. */
export function downloadLinkText(fileName: string, size: number, url: string): string {
  return `${fileName} (${formatBytes(size)}), download within ${DOWNLOAD_LINK_DAYS} days: ${url}`;
}

/** The short name of a picture format for notes ("HEIC", "WebP"). */
export function imageFormatName(contentType: string): string {
  const names: Record<string, string> = {
    'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/gif': 'GIF', 'image/heic': 'HEIC', 'image/heif': 'HEIF',
    'image/avif': 'AVIF', 'image/webp': 'WebP', 'image/tiff': 'TIFF', 'image/bmp': 'BMP',
  };
  return names[contentType] ?? contentType;
}

/** File name extensions of common types, the first being the usual one. */
const EXTENSIONS: Record<string, string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/heic': ['heic', 'heif'],
  'image/heif': ['heif', 'heic'],
  'image/avif': ['avif'],
  'image/webp': ['webp'],
  'image/tiff': ['tif', 'tiff'],
  'image/bmp': ['bmp'],
  'application/pdf': ['pdf'],
  'application/zip': ['zip'],
  'text/plain': ['txt', 'text', 'csv', 'log', 'md'],
  'video/mp4': ['mp4', 'm4v'],
  'audio/mpeg': ['mp3'],
};

/** The name's extension, lower-cased, or null. */
function extensionOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : null;
}

/**
 * When a file's name claims another type than its bytes (a text file called photo.jpg), the name
 * it is saved under gets the real extension too ("photo.jpg.txt"), so the phone opens it right.
 * Names that fit, have no extension, or are of a type not listed stay as they are.
 */
export function downloadName(fileName: string, contentType: string): string {
  const known = EXTENSIONS[contentType];
  const ext = extensionOf(fileName);
  if (!known || !ext || known.includes(ext)) return fileName;
  return `${fileName}.${known[0]}`;
}

/** What the name says the file is, when that is not what it is; null when they agree or it cannot tell. */
export function misleadingName(fileName: string, contentType: string): string | null {
  const ext = extensionOf(fileName);
  if (!ext || !EXTENSIONS[contentType] || EXTENSIONS[contentType].includes(ext)) return null;
  const claimed = Object.entries(EXTENSIONS).find(([, exts]) => exts.includes(ext));
  return claimed ? claimed[0] : null;
}
