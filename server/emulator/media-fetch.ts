import { ACCEPTED_MEDIA_TYPES, MAX_MEDIA_BYTES } from './constants.js';
import type { DeliveryErrorCode } from './twilio-errors.js';

export type FetchedMedia =
  | { ok: true; contentType: string; bytes: Buffer; filename: string | null }
  | { ok: false; code: Extract<DeliveryErrorCode, 11200 | 11751 | 12300>; detail: string };

const TIMEOUT_MS = 15_000;

function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

function filenameOf(disposition: string | null, url: string): string | null {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  if (match) return decodeURIComponent(match[1]!);
  const last = new URL(url).pathname.split('/').pop();
  return last ? decodeURIComponent(last) : null;
}

/** Reads a body, giving up as soon as it passes `limit` bytes. */
async function readLimited(res: Response, limit: number): Promise<Buffer | null> {
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches one MediaUrl of an outbound MMS as Twilio does: a HEAD to check the Content-Type and
 * size, then a GET for the bytes (https://www.twilio.com/docs/messaging/guides/accepted-mime-types).
 * Unreachable or non-2xx → 11200, a type Twilio does not accept → 12300, more than the 5 MB
 * left for the message → 11751. A server that refuses HEAD (405/501) is judged by its GET.
 */
export async function fetchMedia(url: string, bytesLeft: number = MAX_MEDIA_BYTES): Promise<FetchedMedia> {
  try {
    const head = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (head.status !== 405 && head.status !== 501) {
      if (!head.ok) return { ok: false, code: 11200, detail: `HEAD ${url} answered ${head.status}` };
      const type = mediaType(head.headers.get('content-type'));
      if (!ACCEPTED_MEDIA_TYPES.has(type)) return { ok: false, code: 12300, detail: `Content-Type ${type || '(none)'}` };
      const length = Number(head.headers.get('content-length'));
      if (Number.isFinite(length) && length > bytesLeft) return { ok: false, code: 11751, detail: `${length} bytes` };
    }
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, code: 11200, detail: `GET ${url} answered ${res.status}` };
    }
    const contentType = mediaType(res.headers.get('content-type'));
    if (!ACCEPTED_MEDIA_TYPES.has(contentType)) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, code: 12300, detail: `Content-Type ${contentType || '(none)'}` };
    }
    const bytes = await readLimited(res, bytesLeft);
    if (!bytes) return { ok: false, code: 11751, detail: `more than ${bytesLeft} bytes` };
    return { ok: true, contentType, bytes, filename: filenameOf(res.headers.get('content-disposition'), url) };
  } catch (err) {
    return { ok: false, code: 11200, detail: err instanceof Error ? err.message : String(err) };
  }
}
