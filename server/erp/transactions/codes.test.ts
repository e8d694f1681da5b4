import { BarcodeFormat, BinaryBitmap, Code128Reader, DecodeHintType, HybridBinarizer, RGBLuminanceSource } from '@zxing/library';
import jsQRImport from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { clearTransactionCodeCache, transactionCodePng } from './codes.js';

// jsqr is CommonJS with a default export: Node hands over the module object, bundlers the function.
const jsQR = ((jsQRImport as unknown as { default?: typeof jsQRImport }).default ?? jsQRImport) as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

async function rgba(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

/** Reads a Code 128 barcode with ZXing, an independent decoder. */
async function readBarcode(png: Buffer): Promise<string> {
  const { data, width, height } = await rgba(png);
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0; i < width * height; i++) luminance[i] = Math.round(0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!);
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
  const hints = new Map([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]]]);
  return new Code128Reader().decode(bitmap, hints).getText();
}

describe('transaction codes', () => {
  it.each(['SO-10001', 'PO-10042', 'INV-99999'])('a QR code of %s decodes back to it', async (id) => {
    const png = await transactionCodePng('qr', id);
    expect((await sharp(png).metadata()).format).toBe('png');
    const { data, width, height } = await rgba(png);
    expect(jsQR(data, width, height)?.data).toBe(id);
  });

  it.each(['SO-10001', 'VB-10007', 'QT-12345'])('a Code 128 barcode of %s decodes back to it', async (id) => {
    expect(await readBarcode(await transactionCodePng('barcode', id))).toBe(id);
  });

  it('generates byte-identical images for the same ID, cached or not', async () => {
    for (const kind of ['qr', 'barcode'] as const) {
      const first = await transactionCodePng(kind, 'SO-10001');
      clearTransactionCodeCache();
      const second = await transactionCodePng(kind, 'SO-10001');
      expect(second).not.toBe(first);
      expect(second.equals(first)).toBe(true);
      expect((await transactionCodePng(kind, 'SO-10002')).equals(first)).toBe(false);
    }
  });
});
