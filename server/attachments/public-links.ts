import { createHash } from 'node:crypto';
import type { SecretBox } from '../security/secret-box.js';

/**
 * The path of a picture's MMS media URL: `/files/m/<id>/<signature>`. The signature (HMAC-SHA256
 * under the server's secret) makes it unguessable and unforgeable; it is checked before any
 * lookup, so an altered URL learns nothing.
 */
export function mediaPath(secrets: SecretBox, attachmentId: number): string {
  return `/files/m/${attachmentId}/${secrets.sign(`attachment-media:${attachmentId}`)}`;
}

export function mediaSignatureValid(secrets: SecretBox, attachmentId: number, signature: string): boolean {
  return secrets.verify(`attachment-media:${attachmentId}`, signature);
}

/**
 * A download link's token is 192 random bits, texted once and stored only as its SHA-256, so the
 * database alone cannot produce working links.
 */
export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
