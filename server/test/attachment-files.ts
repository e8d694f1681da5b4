import sharp from 'sharp';
import type { ApiClient, ApiResponse, Harness } from './harness.js';

/** A photo-like picture (blurred noise, which compresses about as badly as a photo), encoded as `format`. */
export async function photo(width: number, height: number, format: 'jpeg' | 'png' | 'webp' | 'tiff', quality = 95): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 7;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = seed >> 23;
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } }).blur(1.2);
  return format === 'jpeg' ? image.jpeg({ quality }).toBuffer() : image.toFormat(format).toBuffer();
}

/** A small but real PDF document. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 612 792]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Uploads a file as the web app does: its bytes as the body, its name in the query. */
export async function upload(h: Harness, c: ApiClient, name: string, bytes: Buffer): Promise<ApiResponse> {
  const res = await h.running.app.inject({
    method: 'POST',
    url: `/api/attachments?name=${encodeURIComponent(name)}`,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null, headers: res.headers };
}

/** GETs a path as a signed-in user and keeps the raw bytes. */
export async function download(h: Harness, c: ApiClient | null, url: string) {
  const res = await h.running.app.inject({ method: 'GET', url, headers: c ? { cookie: c.cookie } : {} });
  return { status: res.statusCode, bytes: res.rawPayload, headers: res.headers, text: res.body };
}
