import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface RawImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  data: Buffer;
}

const decoderPath = createRequire(import.meta.url).resolve('heic-decode');

// The decoder is WebAssembly running on the JavaScript thread; a phone photo takes over a second,
// so it runs in a worker thread of its own and never stalls the server.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.decoderPath)({ buffer: workerData.bytes }).then(
  (r) => parentPort.postMessage({ width: r.width, height: r.height, data: r.data }, [r.data.buffer]),
  (e) => parentPort.postMessage({ error: String((e && e.message) || e) }),
);`;

/**
 * Decodes a HEIC/HEIF picture (the format iPhones take photos in) to RGBA pixels. The image
 * library's prebuilt binaries read only AVIF from the HEIF family, so HEVC-coded pictures are
 * decoded here.
 */
export function decodeHeic(bytes: Buffer, timeoutMs = 60_000): Promise<RawImage> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { decoderPath, bytes } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error('Decoding the HEIC picture took too long.'));
    }, timeoutMs);
    worker.once('message', (m: { width: number; height: number; data: Uint8ClampedArray } | { error: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if ('error' in m) reject(new Error(m.error));
      else resolve({ width: m.width, height: m.height, data: Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength) });
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
