import { expect, it } from 'vitest';
import { decodeBmp } from './bmp.js';
import { prepareImage } from './images.js';
import { sniffContentType } from './storage.js';

/** Writes a BMP as common tools do: 24-bit, 8-bit with a palette, or 32-bit with bit fields; bottom-up unless asked. */
function bmp(width: number, height: number, pixel: (x: number, y: number) => [number, number, number], kind: 24 | 8 | 32, topDown = false): Buffer {
  const palette: [number, number, number][] = [];
  const indexOf = (c: [number, number, number]) => {
    let i = palette.findIndex((p) => p.every((v, k) => v === c[k]));
    if (i < 0) i = palette.push(c) - 1;
    return i;
  };
  const indices = kind === 8 ? Array.from({ length: width * height }, (_, i) => indexOf(pixel(i % width, Math.floor(i / width)))) : [];
  const header = kind === 32 ? 108 : 40;
  const paletteBytes = kind === 8 ? 256 * 4 : 0;
  const stride = Math.ceil((width * kind) / 32) * 4;
  const offset = 14 + header + paletteBytes;
  const b = Buffer.alloc(offset + stride * height);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(b.length, 2);
  b.writeUInt32LE(offset, 10);
  b.writeUInt32LE(header, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(topDown ? -height : height, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(kind, 28);
  b.writeUInt32LE(kind === 32 ? 3 : 0, 30);
  b.writeUInt32LE(stride * height, 34);
  if (kind === 8) b.writeUInt32LE(256, 46);
  if (kind === 32) {
    b.writeUInt32LE(0x00ff0000, 54);
    b.writeUInt32LE(0x0000ff00, 58);
    b.writeUInt32LE(0x000000ff, 62);
    b.writeUInt32LE(0xff000000, 66);
  }
  palette.forEach(([r, g, bl], i) => b.set([bl, g, r, 0], 14 + header + i * 4));
  for (let y = 0; y < height; y++) {
    const row = offset + stride * (topDown ? y : height - 1 - y);
    for (let x = 0; x < width; x++) {
      const [r, g, bl] = pixel(x, y);
      if (kind === 24) b.set([bl, g, r], row + x * 3);
      else if (kind === 32) b.set([bl, g, r, 255], row + x * 4);
      else b[row + x] = indices[y * width + x]!;
    }
  }
  return b;
}

const colour = (x: number, y: number): [number, number, number] => [(x * 40) % 256, (y * 60) % 256, x === y ? 255 : 10];

it.each([
  ['24-bit', 24, false],
  ['8-bit with a palette', 8, false],
  ['32-bit with bit fields, top-down', 32, true],
] as const)('decodes a %s BMP pixel for pixel', (_name, kind, topDown) => {
  const file = bmp(5, 3, colour, kind, topDown);
  const { width, height, data } = decodeBmp(file);
  expect([width, height]).toEqual([5, 3]);
  for (let y = 0; y < 3; y++) for (let x = 0; x < 5; x++) expect([...data.subarray((y * 5 + x) * 4, (y * 5 + x) * 4 + 4)]).toEqual([...colour(x, y), 255]);
});

it('refuses what it does not read', () => {
  const rle = bmp(2, 2, colour, 8);
  rle.writeUInt32LE(1, 30); // BI_RLE8
  expect(() => decodeBmp(rle)).toThrow(/compressed/);
  expect(() => decodeBmp(Buffer.from('BM not really'))).toThrow();
});

it('texts a BMP as a JPEG picture', async () => {
  const file = bmp(64, 48, colour, 24);
  expect(await sniffContentType(file)).toBe('image/bmp');
  const prepared = await prepareImage(file, 'image/bmp', 5 * 1024 * 1024);
  expect(prepared).toMatchObject({ width: 64, height: 48, sendAs: 'mms', note: 'Converted from BMP to JPEG for MMS.' });
  expect(await sniffContentType(prepared!.mms!.bytes)).toBe('image/jpeg');
});
