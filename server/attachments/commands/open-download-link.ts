import type { Services } from '../../context.js';
import type { AttachmentRow } from '../attachments.table.js';
import { linkTokenHash } from '../public-links.js';

const TOKEN = /^[A-Za-z0-9_-]{32}$/;

export type LinkOpening =
  | { outcome: 'open'; attachment: AttachmentRow; bytes: Buffer | null }
  | { outcome: 'expired' }
  | { outcome: 'removed' }
  | { outcome: 'unknown' };

/**
 * Someone opened a download link (its page, or the file itself): the attachment while the link
 * is within its 14 days, recording the opening for staff; otherwise why not. A deleted file is
 * `removed`, a token that was never issued `unknown`.
 */
export async function openDownloadLink(s: Services, token: string, kind: 'page' | 'download', userAgent: string | undefined): Promise<LinkOpening> {
  const a = TOKEN.test(token)
    ? await s.db.selectFrom('attachments').selectAll().where('link_token_hash', '=', linkTokenHash(token)).where('send_as', '=', 'link').executeTakeFirst()
    : undefined;
  if (!a) return { outcome: 'unknown' };
  if (a.deleted_at || !a.storage_key) return { outcome: 'removed' };
  const now = s.clock.now().toISOString();
  if (!a.link_expires_at || a.link_expires_at <= now) return { outcome: 'expired' };
  await s.db.insertInto('attachment_opens').values({ attachment_id: a.id, kind, opened_at: now, user_agent: userAgent?.slice(0, 300) ?? null }).execute();
  const bytes = kind === 'download' ? await s.files.get(a.storage_key) : null;
  if (kind === 'download' && !bytes) return { outcome: 'removed' };
  return { outcome: 'open', attachment: a, bytes };
}
