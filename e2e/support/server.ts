import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { webRoot } from '../../server/app.js';
import { startServer } from '../../server/boot.js';
import type { Running } from '../../server/boot.js';
import { testConfig } from '../../server/test/harness.js';

/**
 * The real server with the built web app, on a fresh SQLite database in a temp folder, listening
 * on a free loopback port. `npm test` builds the web app first.
 */
export async function startAppServer(env: Record<string, string> = {}): Promise<Running & { stop(): Promise<void> }> {
  if (!webRoot()) throw new Error('The web app is not built: run `npm run build:web` (npm test does it first).');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-e2e-'));
  const config = testConfig({ dialect: 'sqlite', filename: path.join(dir, 'e2e.db') }, { HOST: '127.0.0.1', PORT: '0', DATA_DIR: dir, ...env });
  const running = await startServer(config, { log: pino({ level: 'silent' }) });
  return {
    ...running,
    async stop() {
      await running.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
