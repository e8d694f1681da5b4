import { randomUUID } from 'node:crypto';
import { backoffMs } from '../../../core/backoff.js';
import type { Services } from '../../context.js';
import { publishConversationEvents } from '../../conversations/events.js';
import { getMessage } from '../../conversations/queries/get-message.js';
import { resolveTexting } from '../../texting/settings/texting-settings.js';
import type { EffectiveTexting } from '../../texting/settings/texting-settings.js';
import type { AttachmentRow } from '../attachments.table.js';
import { prepareImage } from '../images.js';
import { deleteFiles } from '../commands/forget-files.js';

const LEASE_MS = 120_000;
const TIMEOUT_MS = 30_000;
/** Attempts before a media file is marked failed (the user may retry it). */
export const MAX_FETCH_ATTEMPTS = 5;
const TWILIO_API = 'https://api.twilio.com';

class FetchError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
  }
}

/** The origin Twilio's media URLs are on: the REST API's (the emulator's when it stands in). */
function mediaOrigin(t: EffectiveTexting): string {
  return new URL(t.apiBaseUrl ?? TWILIO_API).origin;
}

/**
 * GETs a media URL with the account's credentials (HTTP Basic, which Twilio requires when media
 * protection is on). The credentials go only to Twilio's own host: a URL elsewhere is refused,
 * and redirects (Twilio answers with one to its media store) are followed without them.
 */
export async function fetchTwilioMedia(url: string, t: EffectiveTexting, maxBytes: number): Promise<{ bytes: Buffer; contentType: string | null; fileName: string | null }> {
  const origin = mediaOrigin(t);
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new FetchError(`The media URL is not a URL: ${url}`, true);
  }
  if (current.origin !== origin) throw new FetchError(`The media URL is not on Twilio's media host (${origin}); it was not fetched.`, true);
  const authorization = `Basic ${Buffer.from(`${t.accountSid}:${t.authToken}`).toString('base64')}`;
  for (let hop = 0; hop < 5; hop++) {
    let res: Response;
    try {
      res = await fetch(current, {
        redirect: 'manual',
        headers: current.origin === origin ? { authorization } : {},
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new FetchError(`Twilio's media host could not be reached: ${err instanceof Error ? err.message : String(err)}`, false);
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      await res.body?.cancel().catch(() => undefined);
      current = new URL(res.headers.get('location')!, current);
      if (current.protocol !== 'https:' && current.protocol !== 'http:') throw new FetchError('Twilio redirected the media to a non-web address.', true);
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      const permanent = res.status === 401 || res.status === 403;
      throw new FetchError(permanent ? `Twilio refused the account's credentials for the media (HTTP ${res.status}).` : `Twilio answered HTTP ${res.status} for the media.`, permanent);
    }
    const length = Number(res.headers.get('content-length'));
    if (Number.isFinite(length) && length > maxBytes) throw new FetchError(`The media is larger than ${maxBytes} bytes.`, true);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (bytes.length > maxBytes) throw new FetchError(`The media is larger than ${maxBytes} bytes.`, true);
    const disposition = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(res.headers.get('content-disposition') ?? '');
    return { bytes, contentType: res.headers.get('content-type')?.split(';')[0]?.trim() ?? null, fileName: disposition ? decodeURIComponent(disposition[1]!) : null };
  }
  throw new FetchError('Twilio redirected the media too many times.', false);
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/heic': 'heic', 'image/webp': 'webp', 'image/bmp': 'bmp',
  'image/tiff': 'tiff', 'video/mp4': 'mp4', 'video/3gpp': '3gp', 'audio/amr': 'amr', 'audio/mpeg': 'mp3', 'text/vcard': 'vcf',
  'text/x-vcard': 'vcf', 'application/pdf': 'pdf', 'text/plain': 'txt',
};

/** The name an inbound media file is shown under when the phone gave none. */
export function inboundFileName(position: number, contentType: string): string {
  const kind = contentType.startsWith('image/') ? 'Picture' : contentType.startsWith('video/') ? 'Video' : contentType.startsWith('audio/') ? 'Audio' : 'File';
  const ext = EXTENSIONS[contentType];
  return `${kind} ${position + 1}${ext ? `.${ext}` : ''}`;
}

/**
 * Fetches the media of inbound MMS after their webhooks were answered: claims pending files with a
 * lease (several processes may run this), downloads and stores each, makes thumbnails of pictures
 * and tells screens. A failure is retried with backoff; after MAX_FETCH_ATTEMPTS (or at once for a
 * refusal that cannot change) the file is marked failed, which the message shows with a Retry.
 */
export function createMediaFetcher(s: Services, owner = `media-${randomUUID()}`, random: () => number = Math.random) {
  async function fetchOne(a: AttachmentRow, t: EffectiveTexting): Promise<void> {
    let outcome: Partial<AttachmentRow>;
    let written: string[] = [];
    try {
      const fetched = await fetchTwilioMedia(a.source_url!, t, s.config.uploadMaxBytes);
      const original = await s.files.put(fetched.bytes);
      written.push(original.key);
      const contentType = original.contentType === 'application/octet-stream' && fetched.contentType ? fetched.contentType : original.contentType;
      const picture = await prepareImage(fetched.bytes, contentType, Number.MAX_SAFE_INTEGER);
      const thumbnail = picture ? await s.files.put(picture.thumbnail) : null;
      if (thumbnail) written.push(thumbnail.key);
      outcome = {
        storage_key: original.key,
        size: original.size,
        sha256: original.sha256,
        content_type: contentType,
        file_name: fetched.fileName ?? inboundFileName(a.position, contentType),
        thumbnail_key: thumbnail?.key ?? null,
        width: picture?.width ?? null,
        height: picture?.height ?? null,
        fetch_status: 'fetched',
        fetch_error: null,
      };
    } catch (err) {
      await deleteFiles(s, written);
      written = [];
      const message = err instanceof Error ? err.message : String(err);
      const permanent = err instanceof FetchError ? err.permanent : false;
      const giveUp = permanent || a.fetch_attempts >= MAX_FETCH_ATTEMPTS;
      s.log.warn({ attachmentId: a.id, err: message, giveUp }, 'could not fetch inbound media');
      outcome = giveUp
        ? { fetch_status: 'failed', fetch_error: message }
        : { fetch_status: 'pending', fetch_error: message, next_fetch_at: new Date(s.clock.now().getTime() + backoffMs(a.fetch_attempts, random)).toISOString() };
    }
    const res = await s.db
      .updateTable('attachments')
      .set({ ...outcome, lease_owner: null, lease_until: null })
      .where('id', '=', a.id)
      .where('lease_owner', '=', owner)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) {
      // Deleted (or taken over) meanwhile: keep nothing of it.
      await deleteFiles(s, written);
      return;
    }
    if (outcome.fetch_status === 'pending' || a.message_id === null) return;
    const message = await getMessage(s.db, a.message_id, s.clock);
    if (message) await publishConversationEvents(s, [{ type: 'message.updated', conversationId: message.conversationId, message }]);
  }

  async function runOnce(limit = 10): Promise<number> {
    const now = s.clock.now();
    const at = now.toISOString();
    const due = s.db
      .selectFrom('attachments')
      .select('id')
      .where('fetch_status', '=', 'pending')
      .where('next_fetch_at', '<=', at)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .orderBy('id')
      .limit(limit);
    const claimed = await s.db
      .updateTable('attachments')
      .set((eb) => ({ lease_owner: owner, lease_until: new Date(now.getTime() + LEASE_MS).toISOString(), fetch_attempts: eb('fetch_attempts', '+', 1) }))
      .where('id', 'in', due)
      .where('fetch_status', '=', 'pending')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .returningAll()
      .execute();
    if (claimed.length === 0) return 0;
    const t = await resolveTexting(s);
    if (!t) {
      // Texting was switched off: try again later.
      await s.db.updateTable('attachments').set({ lease_owner: null, lease_until: null }).where('lease_owner', '=', owner).execute();
      return 0;
    }
    await Promise.all(claimed.map((a) => fetchOne(a, t)));
    return claimed.length;
  }
  return { owner, runOnce };
}
