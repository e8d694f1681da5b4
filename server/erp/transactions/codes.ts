import bwipjs from 'bwip-js';
import type { RenderOptions } from 'bwip-js';
import type { DbOrTrx } from '../../db/schema.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';
import { getTransaction } from './queries/get-transaction.js';

export type TransactionCodeKind = 'barcode' | 'qr';

/** QR options; `eclevel` is passed through to BWIPP (bwip-js's types do not list it). */
function qrOptions(text: string): RenderOptions {
  const options: RenderOptions & { eclevel: 'L' | 'M' | 'Q' | 'H' } = { bcid: 'qrcode', text, eclevel: 'M', scale: 8, paddingwidth: 4, paddingheight: 4, backgroundcolor: 'FFFFFF' };
  return options;
}

const cache = new Map<string, Promise<Buffer>>();
const CACHE_LIMIT = 500;

/**
 * A PNG encoding a Transaction ID: Code 128 with the ID printed beneath (barcode), or a QR code
 * with error correction M (15% of it may be damaged and still scan) and the 4-module quiet zone
 * scanners need. The same ID always gives the same bytes; results are cached by what they encode,
 * a pure cache (no state another instance needs).
 */
export function transactionCodePng(kind: TransactionCodeKind, transactionId: string): Promise<Buffer> {
  const key = `${kind}:${transactionId}`;
  let png = cache.get(key);
  if (!png) {
    png =
      kind === 'barcode'
        ? bwipjs.toBuffer({ bcid: 'code128', text: transactionId, scale: 3, height: 14, includetext: true, textxalign: 'center', textsize: 10, paddingwidth: 10, paddingheight: 6, backgroundcolor: 'FFFFFF' })
        : bwipjs.toBuffer(qrOptions(transactionId));
    png.catch(() => cache.delete(key));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, png);
  }
  return png;
}

/** Forgets cached images (tests prove generation itself is deterministic). */
export function clearTransactionCodeCache(): void {
  cache.clear();
}

/** The Transaction ID of a transaction as the Company Preference's kind of code, ready to send as a file. */
export async function transactionCodeImage(db: DbOrTrx, transactionId: number) {
  const [tx, prefs] = await Promise.all([getTransaction(db, transactionId), getPreferences(db)]);
  const bytes = await transactionCodePng(prefs.transactionCode, tx.transactionId);
  return { bytes, contentType: 'image/png', fileName: `${tx.transactionId}-${prefs.transactionCode}.png`, disposition: 'inline' as const, transactionId: tx.transactionId, kind: prefs.transactionCode };
}
