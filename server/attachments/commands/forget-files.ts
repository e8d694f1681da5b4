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
