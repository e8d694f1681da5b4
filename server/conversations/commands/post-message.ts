import { randomBytes } from 'node:crypto';
import { DOWNLOAD_LINK_DAYS, downloadLinkText, planMessages } from '../../../core/attachments.js';
import { MAX_TEXT_LENGTH } from '../../../core/conversations.js';
import { checkSendPolicy } from '../../../core/send-policy.js';
import { attachmentsOfMessages } from '../../attachments/queries/attachments-of-messages.js';
import type { AttachmentRow } from '../../attachments/attachments.table.js';
import { linkTokenHash, mediaPath } from '../../attachments/public-links.js';
import { plannedDelivery } from '../../attachments/presenters.js';
import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import type { Trx } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';
import type { DeliveryRow } from '../../texting/deliveries.table.js';
import { resolveTexting } from '../../texting/settings/texting-settings.js';
import { publishConversationEvents } from '../events.js';
import { presentMessage } from '../presenters.js';
import type { MessageOut } from '../presenters.js';
import type { MessageRow } from '../messages.table.js';
import { recipientsOf } from '../queries/recipients.js';
import { findVisibleConversation } from '../queries/visibility.js';
import { appendMessage } from './append-message.js';
import { queueDeliveries } from './outbound.js';

const NOT_CONFIGURED =
  'Texting is not set up. An administrator can enter the Twilio API key in Company Preferences > Add-Ons > Conversations.';

export interface PostMessageInput {
  body: string;
  /** Uploads of the actor's, not yet sent, in the order they are shown. */
  attachmentIds?: number[];
}

/** The first message a post created, with every message it created (text first, then one per attachment). */
export type PostedMessages = MessageOut & { batch: MessageOut[] };

/** The actor's uploads waiting to be sent, in the order asked for; anything else is refused. */
async function claimableUploads(trx: Trx, ctx: Ctx, ids: number[]): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', 'The same attachment is listed twice.', { fields: [{ field: 'body.attachmentIds', message: 'must not repeat' }] });
  const rows = await trx.selectFrom('attachments').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const a = byId.get(id);
    if (!a || a.uploaded_by !== ctx.actor.id || a.message_id !== null || a.deleted_at !== null || a.storage_key === null) {
      throw new AppError('VALIDATION_FAILED', `Attachment ${id} is not a file you uploaded that is waiting to be sent. Attach it again.`, {
        fields: [{ field: 'body.attachmentIds', message: `${id} is not an unsent upload of yours` }],
      });
    }
    return a;
  });
}

/**
 * Posts a message to an open conversation the actor can see: its text, then each attachment as a
 * message of its own, in order (N attachments and text make N+1 messages). In a conversation with
 * phone numbers every one of them is texted, all or nothing, after the send policy: texting
 * disabled or unsubscribed refuse them with the product's messages; numbers that have not opted in
 * keep them held (stored, shown, sent once they opt in) and answer OPT_IN_REQUIRED for the opt-in
 * pop-up. Pictures go as MMS (their signed media URL), other files as a text with a download link
 * valid for 14 days. Deliveries are queued in the same transaction and sent after commit.
 */
export async function postMessage(ctx: Ctx, conversationId: number, input: PostMessageInput | string): Promise<PostedMessages> {
  const { body, attachmentIds = [] } = typeof input === 'string' ? { body: input } : input;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const conversation = await findVisibleConversation(trx, ctx.actor, conversationId);
    if (conversation.status !== 'open') {
      throw new AppError('CONFLICT', 'This conversation is closed. Reopen it to post a message.');
    }
    const uploads = await claimableUploads(trx, ctx, attachmentIds);
    const plan = planMessages(body, uploads);
    if (plan.length === 0) throw new AppError('VALIDATION_FAILED', 'Type a message or attach a file.', { fields: [{ field: 'body.body', message: 'must not be empty' }] });
    const recipients = await recipientsOf(trx, conversationId);
    const at = isoNow(ctx.clock);
    const rows: MessageRow[] = [];
    const deliveries: DeliveryRow[] = [];

    if (recipients.length === 0) {
      for (const item of plan) {
        const row = await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'user', body: item.kind === 'text' ? item.body : '', at });
        if (item.kind === 'attachment') await trx.updateTable('attachments').set({ message_id: row.id }).where('id', '=', item.attachment.id).execute();
        rows.push(row);
      }
      return { rows, deliveries, held: [] as string[] };
    }

    if (body.length > MAX_TEXT_LENGTH) {
      throw new AppError('VALIDATION_FAILED', `A text message can be at most ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters; this one has ${body.length.toLocaleString('en-US')}.`, {
        fields: [{ field: 'body.body', message: `must be at most ${MAX_TEXT_LENGTH} characters for a text message` }],
      });
    }
    const texting = await resolveTexting(ctx, trx);
    if (!texting) throw new AppError('TEXTING_NOT_CONFIGURED', NOT_CONFIGURED);
    const verdict = checkSendPolicy(recipients);
    if (!verdict.ok && verdict.code !== 'OPT_IN_REQUIRED') {
      throw new AppError(verdict.code, verdict.message, { numbers: verdict.numbers });
    }
    const held = !verdict.ok;
    const mmsLimit = uploads.length ? (await getPreferences(trx)).mmsSizeLimitKb * 1024 : 0;
    const linkExpiry = new Date(Date.parse(at) + DOWNLOAD_LINK_DAYS * 86_400_000).toISOString();
    for (const item of plan) {
      let row: MessageRow;
      if (item.kind === 'text') {
        row = await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'user', body: item.body, at, direction: 'outbound' });
      } else {
        const a = item.attachment;
        // The limit may have been lowered since the upload was prepared.
        const asPicture = plannedDelivery(a) === 'mms' && (a.mms_size ?? a.size) <= mmsLimit;
        if (asPicture) {
          row = await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'user', body: '', at, direction: 'outbound', mediaUrl: mediaPath(ctx.secrets, a.id) });
          await trx.updateTable('attachments').set({ message_id: row.id, send_as: 'mms' }).where('id', '=', a.id).execute();
        } else {
          const token = randomBytes(24).toString('base64url');
          const smsBody = downloadLinkText(a.file_name, a.size, `${texting.publicBaseUrl}/files/d/${token}`);
          row = await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'user', body: '', at, direction: 'outbound', smsBody });
          await trx
            .updateTable('attachments')
            .set({ message_id: row.id, send_as: 'link', link_token_hash: linkTokenHash(token), link_expires_at: held ? null : linkExpiry })
            .where('id', '=', a.id)
            .execute();
        }
      }
      if (held) {
        await trx.updateTable('messages').set({ held: 1 }).where('id', '=', row.id).execute();
        row = { ...row, held: 1 };
      } else {
        deliveries.push(...(await queueDeliveries(trx, row, recipients.map((r) => r.number), at)));
      }
      rows.push(row);
    }
    return { rows, deliveries, held: held ? verdict.numbers : [] };
  });

  const attachments = await attachmentsOfMessages(ctx.db, result.rows.map((r) => r.id), ctx.clock.now());
  const batch = result.rows.map((row) =>
    presentMessage(row, ctx.actor.name, result.deliveries.filter((d) => d.message_id === row.id), null, attachments.get(row.id) ?? []),
  );
  if (result.deliveries.length) ctx.workers.kick('dispatch');
  await publishConversationEvents(ctx, batch.map((message) => ({ type: 'message.created' as const, conversationId, message })));
  const first = batch[0]!;
  if (result.held.length) {
    throw new AppError('OPT_IN_REQUIRED', 'Opt-in is required before texting these numbers. The message is held and will be sent once they opt in.', {
      numbers: result.held,
      message: first,
      batch,
    });
  }
  return { ...first, batch };
}
