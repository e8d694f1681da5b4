import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { Clock } from '../context.js';
import type { Db } from '../db/schema.js';

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
  /** How many files it holds (for maintenance and tests). */
  count(): Promise<number>;
  /**
   * Up to `limit` keys, in key order after `after`, of files written before `before`: the sweep
   * of unreferenced files pages through these.
   */
  writtenBefore(before: Date, limit: number, after?: string): Promise<string[]>;
  /** Where files live, for logs and health output. */
  readonly kind: 'disk' | 'database';
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

/** A new opaque key: 160 random bits, with a two-hex-digit folder to keep directories small. */
function newKey(): string {
  const id = randomBytes(20).toString('hex');
  return `${id.slice(0, 2)}/${id}`;
}

async function describe(key: string, bytes: Buffer): Promise<StoredFile> {
  return { key, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), contentType: await sniffContentType(bytes) };
}

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
    kind: 'disk',
    async put(bytes) {
      const key = newKey();
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
      return describe(key, bytes);
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
    async count() {
      if (!fs.existsSync(root)) return 0;
      const entries = await fs.promises.readdir(root, { recursive: true, withFileTypes: true });
      return entries.filter((e) => e.isFile() && !e.name.endsWith('.tmp')).length;
    },
    async writtenBefore(before, limit, after = '') {
      if (!fs.existsSync(root)) return [];
      const keys: string[] = [];
      const dirs = (await fs.promises.readdir(root)).filter((d) => /^[0-9a-f]{2}$/.test(d) && d >= after.slice(0, 2)).sort();
      for (const dir of dirs) {
        const names = (await fs.promises.readdir(path.join(root, dir))).sort();
        for (const name of names) {
          const key = `${dir}/${name}`;
          if (!KEY.test(key) || key <= after) continue;
          const stat = await fs.promises.stat(path.join(root, key)).catch(() => null);
          if (stat && stat.mtimeMs < before.getTime()) keys.push(key);
          if (keys.length >= limit) return keys;
        }
      }
      return keys;
    },
  };
}

/**
 * Files in the database (`attachment_blobs`): every instance on one PostgreSQL sees the same
 * files, with no shared disk or object store to run. One INSERT per file, so a file is either
 * wholly there or not at all.
 */
export function createDatabaseStorage(db: Db, clock: Clock): AttachmentStorage {
  const check = (key: string) => {
    if (!KEY.test(key)) throw new Error(`Not an attachment key: ${key}`);
  };
  return {
    kind: 'database',
    async put(bytes) {
      const key = newKey();
      await db.insertInto('attachment_blobs').values({ key, bytes, size: bytes.length, created_at: clock.now().toISOString() }).execute();
      return describe(key, bytes);
    },
    async get(key) {
      check(key);
      const row = await db.selectFrom('attachment_blobs').select('bytes').where('key', '=', key).executeTakeFirst();
      return row ? Buffer.from(row.bytes) : null;
    },
    async delete(key) {
      check(key);
      await db.deleteFrom('attachment_blobs').where('key', '=', key).execute();
    },
    async count() {
      const row = await db.selectFrom('attachment_blobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async writtenBefore(before, limit, after = '') {
      const rows = await db.selectFrom('attachment_blobs').select('key').where('key', '>', after).where('created_at', '<', before.toISOString()).orderBy('key').limit(limit).execute();
      return rows.map((r) => r.key);
    },
  };
}
