import { groupBy } from '../../../core/collections.js';
import type { DbOrTrx } from '../../db/schema.js';
import { presentAttachment } from '../presenters.js';
import type { AttachmentOut } from '../presenters.js';

/** The attachments of some messages (with every opening of their links), by message id, in order. */
export async function attachmentsOfMessages(db: DbOrTrx, messageIds: readonly number[], now: Date): Promise<Map<number, AttachmentOut[]>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('attachments')
    .selectAll()
    .where('message_id', 'in', [...new Set(messageIds)])
    .where('deleted_at', 'is', null)
    .orderBy('message_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const linked = rows.filter((r) => r.send_as === 'link').map((r) => r.id);
  const opens = linked.length
    ? await db.selectFrom('attachment_opens').select(['attachment_id', 'opened_at', 'kind']).where('attachment_id', 'in', linked).orderBy('id').execute()
    : [];
  const opensOf = groupBy(opens, (o) => o.attachment_id);
  const out = rows.map((r) => ({
    messageId: r.message_id!,
    attachment: presentAttachment(r, (opensOf.get(r.id) ?? []).map((o) => ({ at: o.opened_at, kind: o.kind })), now),
  }));
  return new Map([...groupBy(out, (o) => o.messageId)].map(([id, list]) => [id, list.map((o) => o.attachment)]));
}
