import fs from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MMS_MAX_BYTES } from '../../core/attachments.js';
import { prepareImage } from './images.js';
import { sniffContentType } from './storage.js';
import { photo } from '../test/attachment-files.js';

const HEIC = fs.readFileSync(new URL('./fixtures/gradient-320x240.heic', import.meta.url));

async function decodes(bytes: Buffer) {
  const meta = await sharp(bytes).metadata();
  return { format: meta.format, width: meta.width, height: meta.height };
}

describe('preparing pictures for MMS', () => {
  it('sends a JPEG, PNG or GIF within the limit as it is, with a thumbnail', async () => {
    const png = await photo(800, 600, 'png');
    const prepared = await prepareImage(png, 'image/png', MMS_MAX_BYTES);
    expect(prepared).toMatchObject({ width: 800, height: 600, sendAs: 'mms', mms: null, note: null });
    expect(await decodes(prepared!.thumbnail)).toEqual({ format: 'jpeg', width: 640, height: 480 });
  });

  it('re-encodes a picture over the limit to JPEG bytes under it that decode as a picture', async () => {
    const big = await photo(4032, 3024, 'jpeg', 97);
    expect(big.length).toBeGreaterThan(MMS_MAX_BYTES);
    const prepared = await prepareImage(big, 'image/jpeg', MMS_MAX_BYTES);
    expect(prepared!.sendAs).toBe('mms');
    expect(prepared!.mms!.bytes.length).toBeLessThanOrEqual(MMS_MAX_BYTES);
    expect(await sniffContentType(prepared!.mms!.bytes)).toBe('image/jpeg');
    const out = await decodes(prepared!.mms!.bytes);
    expect(out.format).toBe('jpeg');
    expect(out.width! / out.height!).toBeCloseTo(4032 / 3024, 2);
    expect(prepared!.note).toMatch(/^Reduced from \d+(\.\d)? MB to \d+(\.\d)? MB to fit the 5 MB MMS limit; staff keep the original\.$/);
  }, 60_000);

  it('shrinks further when re-encoding at full size is not enough', async () => {
    const png = await photo(1200, 900, 'png');
    const limit = 60 * 1024;
    const prepared = await prepareImage(png, 'image/png', limit);
    expect(prepared!.mms!.bytes.length).toBeLessThanOrEqual(limit);
    expect((await decodes(prepared!.mms!.bytes)).width).toBeLessThan(1200);
  });

  it('converts HEIC, WebP and TIFF pictures to JPEG', async () => {
    expect(await sniffContentType(HEIC)).toBe('image/heic');
    const heic = await prepareImage(HEIC, 'image/heic', MMS_MAX_BYTES);
    expect(heic).toMatchObject({ width: 320, height: 240, sendAs: 'mms', note: 'Converted from HEIC to JPEG for MMS.' });
    expect(await decodes(heic!.mms!.bytes)).toEqual({ format: 'jpeg', width: 320, height: 240 });
    const webp = await prepareImage(await photo(400, 300, 'webp'), 'image/webp', MMS_MAX_BYTES);
    expect(webp!.note).toBe('Converted from WebP to JPEG for MMS.');
    expect((await decodes(webp!.mms!.bytes)).format).toBe('jpeg');
    const tiff = await prepareImage(await photo(300, 200, 'tiff'), 'image/tiff', MMS_MAX_BYTES);
    expect(tiff!.note).toBe('Converted from TIFF to JPEG for MMS.');
    expect(await decodes(tiff!.mms!.bytes)).toEqual({ format: 'jpeg', width: 300, height: 200 });
  });

  it('sends a picture that cannot be made to fit as a download link, and says so', async () => {
    const prepared = await prepareImage(await photo(1000, 800, 'jpeg'), 'image/jpeg', 2_000);
    expect(prepared).toMatchObject({ sendAs: 'link', mms: null, note: 'Sent as a download link: the picture could not be made smaller than the 2 KB MMS limit.' });
  });

  it('treats bytes that do not decode as a picture as a file', async () => {
    expect(await prepareImage(Buffer.from('not really a jpeg'), 'image/jpeg', MMS_MAX_BYTES)).toBeNull();
    expect(await prepareImage(Buffer.from('%PDF-1.4'), 'application/pdf', MMS_MAX_BYTES)).toBeNull();
  });
});
