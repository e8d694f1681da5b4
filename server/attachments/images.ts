import sharp from 'sharp';
import type { Sharp } from 'sharp';
import { CONVERTIBLE_IMAGE_TYPES, MMS_IMAGE_TYPES, formatBytes, imageFormatName } from '../../core/attachments.js';
import { decodeBmp } from './bmp.js';
import { decodeHeic } from './heic.js';

/** Longest side of the thumbnails shown in the reading pane. */
export const THUMBNAIL_MAX_PX = 640;
/** A picture is not shrunk below this longest side to make it fit; it goes as a link instead. */
const MIN_FIT_PX = 320;

export interface PreparedImage {
  width: number;
  height: number;
  thumbnail: Buffer;
  /** How it is texted: as an MMS picture, or as a link when it cannot be made to fit. */
  sendAs: 'mms' | 'link';
  /** The MMS bytes when they are not the original (converted or made smaller). */
  mms: { bytes: Buffer; contentType: 'image/jpeg' } | null;
  /** What was done to it for MMS, or why it goes as a link. */
  note: string | null;
}

const HEIF_TYPES = new Set(['image/heic', 'image/heif']);

interface Opened {
  pipeline: () => Sharp;
  width: number;
  height: number;
}

/** A sharp pipeline for the picture, turned upright by its EXIF orientation, with its upright size. */
async function open(bytes: Buffer, contentType: string): Promise<Opened> {
  if (HEIF_TYPES.has(contentType)) {
    try {
      const raw = await decodeHeic(bytes);
      return { pipeline: () => sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 } }), width: raw.width, height: raw.height };
    } catch {
      // Some HEIF files hold AVIF, which the image library reads itself.
    }
  }
  if (contentType === 'image/bmp') {
    const raw = decodeBmp(bytes);
    return { pipeline: () => sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 } }), width: raw.width, height: raw.height };
  }
  // Only the first frame of an animation; large inputs are allowed (phone photos are big).
  const pipeline = () => sharp(bytes, { limitInputPixels: 100_000_000 }).autoOrient();
  const meta = await sharp(bytes, { limitInputPixels: 100_000_000 }).metadata();
  const upright = meta.autoOrient ?? meta;
  if (!upright.width || !upright.height) throw new Error('not a picture');
  return { pipeline, width: upright.width, height: upright.height };
}

/** Encodes the picture as JPEG with the longest side at most `px` (white behind transparency). */
function jpeg(pipeline: () => Sharp, px: number, quality: number): Promise<Buffer> {
  return pipeline()
    .resize(px, px, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality, mozjpeg: true })
    .toBuffer();
}

/**
 * Re-encodes a picture as JPEG until it is at most `limit` bytes: first at full size, then smaller
 * by the square root of how far over it is (bytes grow with area), never below MIN_FIT_PX.
 * Returns null when it cannot be made to fit.
 */
export async function fitJpeg(pipeline: () => Sharp, longest: number, limit: number): Promise<Buffer | null> {
  let px = longest;
  for (;;) {
    let out: Buffer = Buffer.alloc(0);
    for (const quality of [82, 68]) {
      out = await jpeg(pipeline, px, quality);
      if (out.length <= limit) return out;
    }
    if (px <= MIN_FIT_PX) return null;
    px = Math.max(MIN_FIT_PX, Math.floor(px * Math.min(0.85, Math.sqrt(limit / out.length) * 0.95)));
  }
}

/**
 * Looks at a picture (by its sniffed content type): its size, a thumbnail, and how it is texted.
 * JPEG, PNG and GIF within `mmsLimit` go as they are; bigger ones and other picture formats
 * (HEIC, WebP, TIFF, BMP, AVIF) become a JPEG that fits; one that cannot fit goes as a link.
 * Returns null for anything that is not a picture this can read.
 */
export async function prepareImage(bytes: Buffer, contentType: string, mmsLimit: number): Promise<PreparedImage | null> {
  if (!MMS_IMAGE_TYPES.has(contentType) && !CONVERTIBLE_IMAGE_TYPES.has(contentType)) return null;
  let opened: Opened;
  let thumbnail: Buffer;
  try {
    opened = await open(bytes, contentType);
    thumbnail = await jpeg(opened.pipeline, THUMBNAIL_MAX_PX, 80);
  } catch {
    return null;
  }
  const { pipeline, width, height } = opened;
  if (MMS_IMAGE_TYPES.has(contentType) && bytes.length <= mmsLimit) {
    return { width, height, thumbnail, sendAs: 'mms', mms: null, note: null };
  }
  const limitText = `the ${formatBytes(mmsLimit)} MMS limit`;
  const fitted = await fitJpeg(pipeline, Math.max(width, height), mmsLimit);
  if (!fitted) {
    return { width, height, thumbnail, sendAs: 'link', mms: null, note: `Sent as a download link: the picture could not be made smaller than ${limitText}.` };
  }
  const converted = !MMS_IMAGE_TYPES.has(contentType);
  const shrunk = bytes.length > mmsLimit;
  const note = converted
    ? `Converted from ${imageFormatName(contentType)} to JPEG${shrunk ? ` and reduced from ${formatBytes(bytes.length)} to ${formatBytes(fitted.length)} to fit ${limitText}` : ''} for MMS.`
    : `Reduced from ${formatBytes(bytes.length)} to ${formatBytes(fitted.length)} to fit ${limitText}; staff keep the original.`;
  return { width, height, thumbnail, sendAs: 'mms', mms: { bytes: fitted, contentType: 'image/jpeg' }, note };
}
