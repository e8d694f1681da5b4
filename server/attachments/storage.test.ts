import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { createDatabaseStorage, createLocalDiskStorage, sniffContentType } from './storage.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-storage-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000200f5d7bb3a0000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

it('detects the content type from the bytes, whatever the file is called', async () => {
  expect(await sniffContentType(PNG)).toBe('image/png');
  expect(await sniffContentType(PDF)).toBe('application/pdf');
  expect(await sniffContentType(Buffer.from('plain words\nand lines'))).toBe('text/plain');
  expect(await sniffContentType(Buffer.from([0, 1, 2, 3, 255, 254]))).toBe('application/octet-stream');
});

it('stores, reads back and deletes a file, with its size, hash and sniffed type', async () => {
  const storage = createLocalDiskStorage(root);
  const stored = await storage.put(PNG);
  expect(stored).toMatchObject({ size: PNG.length, contentType: 'image/png' });
  expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(await storage.get(stored.key)).toEqual(PNG);
  expect(await storage.count()).toBe(1);
  await storage.delete(stored.key);
  expect(await storage.get(stored.key)).toBeNull();
  expect(await storage.count()).toBe(0);
  // Nothing half-written is left behind.
  const leftovers = fs.readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'));
  expect(leftovers).toEqual([]);
});

it('refuses keys that are not its own (no path traversal)', async () => {
  const storage = createLocalDiskStorage(root);
  await expect(storage.get('../../etc/passwd')).rejects.toThrow(/Not an attachment key/);
});

describeEachDatabase('the database attachment store', (h) => {
  it('stores, reads back and deletes files in the database, and refuses foreign keys', async () => {
    const storage = createDatabaseStorage(h().running.services.db, h().clock);
    const before = await storage.count();
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    const [png, large] = [await storage.put(PNG), await storage.put(big)];
    expect(png).toMatchObject({ size: PNG.length, contentType: 'image/png' });
    expect(await storage.count()).toBe(before + 2);
    expect((await storage.get(png.key))!.equals(PNG)).toBe(true);
    expect((await storage.get(large.key))!.equals(big)).toBe(true);
    await storage.delete(png.key);
    expect(await storage.get(png.key)).toBeNull();
    expect(await storage.count()).toBe(before + 1);
    await expect(storage.get("x' or 1=1 --")).rejects.toThrow(/Not an attachment key/);
  });
});
