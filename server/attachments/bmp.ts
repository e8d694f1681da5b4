import type { RawImage } from './heic.js';

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;

/** Where a channel sits in a 16/32-bit pixel: its mask's shift and width. */
function channel(mask: number) {
  if (mask === 0) return null;
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  let bits = 0;
  while (((mask >>> (shift + bits)) & 1) === 1) bits++;
  return { shift, max: 2 ** bits - 1, mask };
}

/**
 * Decodes a Windows bitmap (BMP) to RGBA: 1, 4 and 8 bits with a palette, 16, 24 and 32 bits
 * (with or without bit fields), bottom-up or top-down. The image library's prebuilt binaries
 * do not read BMP. Throws on what it does not support (RLE compression, OS/2 headers).
 */
export function decodeBmp(b: Buffer): RawImage {
  if (b.length < 26 || b.toString('latin1', 0, 2) !== 'BM') throw new Error('not a BMP file');
  const dataOffset = b.readUInt32LE(10);
  const headerSize = b.readUInt32LE(14);
  if (headerSize < 40) throw new Error('unsupported BMP header');
  const width = b.readInt32LE(18);
  const rawHeight = b.readInt32LE(22);
  const bpp = b.readUInt16LE(28);
  const compression = b.readUInt32LE(30);
  const height = Math.abs(rawHeight);
  const topDown = rawHeight < 0;
  if (width <= 0 || height <= 0 || width * height > 100_000_000) throw new Error('unsupported BMP size');
  if (![BI_RGB, BI_BITFIELDS, BI_ALPHABITFIELDS].includes(compression)) throw new Error('compressed BMP is not supported');

  let masks: [number, number, number, number] | null = null;
  if (compression !== BI_RGB) {
    const at = headerSize >= 52 ? 54 : 14 + headerSize; // masks in the header (V2+) or after it
    masks = [b.readUInt32LE(at), b.readUInt32LE(at + 4), b.readUInt32LE(at + 8), headerSize >= 56 || compression === BI_ALPHABITFIELDS ? b.readUInt32LE(at + 12) : 0];
  } else if (bpp === 16) {
    masks = [0x7c00, 0x03e0, 0x001f, 0];
  }
  const channels = masks?.map(channel);
  const paletteStart = 14 + headerSize + (compression === BI_BITFIELDS && headerSize === 40 ? 12 : compression === BI_ALPHABITFIELDS && headerSize === 40 ? 16 : 0);
  const colours = bpp <= 8 ? b.readUInt32LE(46) || 2 ** bpp : 0;
  const palette = (i: number) => {
    const p = paletteStart + 4 * Math.min(i, colours - 1);
    return [b[p + 2]!, b[p + 1]!, b[p]!] as const;
  };
  const stride = Math.ceil((width * bpp) / 32) * 4;
  if (dataOffset + stride * height > b.length) throw new Error('truncated BMP');
  const out = Buffer.alloc(width * height * 4);
  let anyAlpha = false;
  for (let y = 0; y < height; y++) {
    const row = dataOffset + stride * (topDown ? y : height - 1 - y);
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      let r: number, g: number, bl: number, a = 255;
      if (bpp <= 8) {
        const bit = x * bpp;
        const index = (b[row + (bit >> 3)]! >> (8 - bpp - (bit & 7))) & (2 ** bpp - 1);
        [r, g, bl] = palette(index);
      } else if (bpp === 24) {
        const p = row + x * 3;
        [bl, g, r] = [b[p]!, b[p + 1]!, b[p + 2]!];
      } else if (bpp === 16 || bpp === 32) {
        const v = bpp === 16 ? b.readUInt16LE(row + x * 2) : b.readUInt32LE(row + x * 4);
        if (!channels) {
          [bl, g, r, a] = [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, 255];
        } else {
          const read = (c: ReturnType<typeof channel> | undefined, fallback: number) => (c ? Math.round((((v & c.mask) >>> 0) >>> c.shift) * (255 / c.max)) : fallback);
          [r, g, bl, a] = [read(channels[0], 0), read(channels[1], 0), read(channels[2], 0), read(channels[3], 255)];
        }
      } else {
        throw new Error(`unsupported BMP depth ${bpp}`);
      }
      if (a !== 255) anyAlpha = true;
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = bl;
      out[o + 3] = a;
    }
  }
  // Many 32-bit bitmaps leave the alpha byte at 0 for every pixel: that means opaque.
  if (anyAlpha && channels?.[3] && out.every((v, i) => i % 4 !== 3 || v === 0)) for (let i = 3; i < out.length; i += 4) out[i] = 255;
  return { width, height, data: out };
}
