import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';

export interface StoredFile {
  /** Opaque key to read or delete it later. */
  key: string;
  size: number;
  sha256: string;
  /** Detected from the bytes, never from the name or the browser's claim. */
  contentType: string;
}

/**
 * Where attachment files live. Callers only use this interface, so a store shared by several app
 * instances (an object store) can replace the local disk without touching them.
 */
export interface AttachmentStorage {
  put(bytes: Buffer): Promise<StoredFile>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

/** The content type of some bytes, by their magic numbers; plain text or unknown otherwise. */
export async function sniffContentType(bytes: Buffer): Promise<string> {
  const type = await fileTypeFromBuffer(bytes);
  if (type) return type.mime;
  // No magic number: text if it decodes as UTF-8 without control characters, else opaque.
  const sample = bytes.subarray(0, 4096).toString('utf8');
  return /^[\P{Cc}\t\r\n]*$/u.test(sample) && !sample.includes('\uFFFD') ? 'text/plain' : 'application/octet-stream';
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{40}$/;

/**
 * Files on local disk under `root`: written to a temporary file and renamed into place, so a
 * crash never leaves a half-written attachment under its key.
 */
export function createLocalDiskStorage(root: string): AttachmentStorage {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`Not an attachment key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(bytes) {
      const id = randomBytes(20).toString('hex');
      const key = `${id.slice(0, 2)}/${id}`;
      const file = pathOf(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        await fs.promises.writeFile(tmp, bytes, { flag: 'wx' });
        await fs.promises.rename(tmp, file);
      } catch (err) {
        await fs.promises.rm(tmp, { force: true });
        throw err;
      }
      return { key, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), contentType: await sniffContentType(bytes) };
    },
    async get(key) {
      try {
        return await fs.promises.readFile(pathOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await fs.promises.rm(pathOf(key), { force: true });
    },
  };
}
