import type { FastifyReply } from 'fastify';

/** A Content-Disposition value with the file name for old and new browsers (RFC 6266 / 5987). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Sends stored bytes as a file: the detected type, its exact length, never sniffed by the
 * browser, never run as a page (sandboxed), not cached by shared caches.
 */
export function sendFile(reply: FastifyReply, file: { bytes: Buffer; contentType: string; fileName: string; disposition: 'inline' | 'attachment' }) {
  const { bytes } = file;
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(bytes.length))
    .header('content-disposition', contentDisposition(file.disposition, file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
    .header('cache-control', 'private, max-age=3600')
    .send(bytes);
}
