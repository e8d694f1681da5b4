import type { Services } from '../../context.js';
import type { Trx } from '../../db/schema.js';

/** Every stored file (original, thumbnail, MMS copy) of some messages' attachments. */
export async function fileKeysOf(trx: Trx, messageIds: number[]): Promise<string[]> {
  if (messageIds.length === 0) return [];
  const rows = await trx.selectFrom('attachments').select(['storage_key', 'thumbnail_key', 'mms_key']).where('message_id', 'in', messageIds).execute();
  return rows.flatMap((r) => [r.storage_key, r.thumbnail_key, r.mms_key]).filter((k): k is string => k !== null);
}

/**
 * Marks some messages' attachments deleted inside the caller's transaction: their files are
 * forgotten and their links stop working (a link then says the file was removed). Returns the files to delete once it commits.
 */
export async function forgetAttachments(trx: Trx, messageIds: number[], at: string): Promise<string[]> {
  const keys = await fileKeysOf(trx, messageIds);
  if (messageIds.length) {
    await trx
      .updateTable('attachments')
      .set({ deleted_at: at, storage_key: null, thumbnail_key: null, mms_key: null, source_url: null, fetch_status: null })
      .where('message_id', 'in', messageIds)
      .execute();
  }
  return keys;
}

/**
 * Deletes files after the transaction that stopped referring to them committed. A failure is
 * logged, not thrown: the file is unreachable already (nothing refers to it).
 */
export async function deleteFiles(s: Pick<Services, 'files' | 'log'>, keys: string[]): Promise<void> {
  await Promise.all(
    keys.map((key) => s.files.delete(key).catch((err: unknown) => s.log.warn({ err, key }, 'could not delete an attachment file'))),
  );
}

/**
 * Deletes stored files no attachment refers to and older than `graceMs` (an upload writes its
 * file a moment before its row, so young files are left alone): what a crash between a commit
 * and its file deletion, or during an upload, leaves behind. Returns how many were deleted.
 */
export async function sweepUnreferencedFiles(s: Pick<Services, 'db' | 'files' | 'log' | 'clock'>, graceMs = 86_400_000, page = 500): Promise<number> {
  const before = new Date(s.clock.now().getTime() - graceMs);
  let after = '';
  let deleted = 0;
  for (;;) {
    const candidates = await s.files.writtenBefore(before, page, after);
    if (candidates.length === 0) break;
    after = candidates[candidates.length - 1]!;
    const referenced = await s.db
      .selectFrom('attachments')
      .select(['storage_key', 'thumbnail_key', 'mms_key'])
      .where((eb) => eb.or([eb('storage_key', 'in', candidates), eb('thumbnail_key', 'in', candidates), eb('mms_key', 'in', candidates)]))
      .execute();
    const inUse = new Set(referenced.flatMap((r) => [r.storage_key, r.thumbnail_key, r.mms_key]));
    const orphans = candidates.filter((k) => !inUse.has(k));
    await deleteFiles(s, orphans);
    deleted += orphans.length;
    if (candidates.length < page) break;
  }
  if (deleted) s.log.info({ files: deleted }, 'deleted attachment files nothing refers to');
  return deleted;
}
