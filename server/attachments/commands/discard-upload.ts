import type { Ctx } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { deleteFiles } from './forget-files.js';

/** Removes an upload of the actor's that was not sent (taken off the list before Send). */
export async function discardUpload(ctx: Ctx, id: number): Promise<void> {
  const keys = await ctx.db.transaction().execute(async (trx) => {
    const a = await trx.selectFrom('attachments').selectAll().where('id', '=', id).where('uploaded_by', '=', ctx.actor.id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!a) throw notFound('Attachment');
    if (a.message_id !== null) throw new AppError('CONFLICT', 'That attachment was already sent; delete its message instead.');
    await trx.deleteFrom('attachments').where('id', '=', id).execute();
    return [a.storage_key, a.thumbnail_key, a.mms_key].filter((k): k is string => k !== null);
  });
  await deleteFiles(ctx, keys);
}

/**
 * Uploads never sent (the page was closed before Send) are removed after a day, files and all.
 * Returns how many were removed.
 */
export async function sweepUnsentUploads(s: Pick<Ctx, 'db' | 'files' | 'log' | 'clock'>, olderThanMs = 86_400_000): Promise<number> {
  const before = new Date(s.clock.now().getTime() - olderThanMs).toISOString();
  const candidates = s.db.selectFrom('attachments').select('id').where('message_id', 'is', null).where('created_at', '<', before).limit(500);
  // Re-checked on the row, so an upload sent meanwhile keeps its files.
  const stale = await s.db.deleteFrom('attachments').where('id', 'in', candidates).where('message_id', 'is', null).returningAll().execute();
  if (stale.length === 0) return 0;
  await deleteFiles(s, stale.flatMap((a) => [a.storage_key, a.thumbnail_key, a.mms_key]).filter((k): k is string => k !== null));
  return stale.length;
}
