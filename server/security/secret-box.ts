import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Encrypts secrets at rest (AES-256-GCM): tampered or wrongly keyed ciphertext fails to open.
 * Also signs values (HMAC-SHA256 under a key derived from the same secret), so URLs handed out to
 * the outside (attachment media) cannot be forged or altered.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
  /** A URL-safe signature of `value` (256 bits). */
  sign(value: string): string;
  /** Whether `signature` is `sign(value)`, compared in constant time. */
  verify(value: string, signature: string): boolean;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('The secrets key must be 32 bytes');
  const signingKey = createHmac('sha256', key).update('switchboard signing key v1').digest();
  const sign = (value: string) => createHmac('sha256', signingKey).update(value).digest('base64url');
  return {
    sign,
    verify(value, signature) {
      const expected = Buffer.from(sign(value));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split(':');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}
