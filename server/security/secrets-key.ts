import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';

/**
 * The key for secrets at rest: SECRETS_KEY when set; otherwise a key kept in DATA_DIR/secrets.key,
 * created (mode 0600) on first start. Several instances sharing one database must share the key:
 * set SECRETS_KEY on each.
 */
export function resolveSecretsKey(config: Config): { key: Buffer; source: 'config' | 'file' } {
  if (config.secretsKey) return { key: config.secretsKey, source: 'config' };
  const file = path.join(config.dataDir, 'secrets.key');
  if (fs.existsSync(file)) {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return { key, source: 'file' };
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process sharing DATA_DIR created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return resolveSecretsKey(config);
    throw err;
  }
  return { key, source: 'file' };
}
