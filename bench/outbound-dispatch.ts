import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startServer } from '../server/boot.js';
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_MESSAGING_SERVICE_SID } from '../server/emulator/index.js';
import { testConfig } from '../server/test/harness.js';
import { createDispatcher } from '../server/texting/outbox/dispatcher.js';

/** The emulator in its own process, as Twilio is a system of its own. */
async function startEmulatorProcess(port: number) {
  // Carrier steps are slowed past the run, so the emulator spends it accepting messages (its
  // status callbacks are not what this measures).
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/emulator/main.ts', '--port', String(port), '--status-delay-ms', '600000'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('listening at')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`emulator exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/**
 * Outbound dispatch rate: `n` queued deliveries sent from the outbox through the official SDK to
 * the emulator (in its own process, over HTTP), rate limit off, until every one is accepted.
 */
export async function benchOutbound(n: number, concurrency: number, warmup = 2000) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
  const emulator = await startEmulatorProcess(3990 + Math.floor(Math.random() * 9));
  const running = await startServer(
    testConfig(
      { dialect: 'sqlite', filename: path.join(dir, 'bench.db') },
      // Status callbacks go to a closed port: this measures the dispatcher, not callback handling.
      { HOST: '127.0.0.1', PORT: '0', DATA_DIR: dir, WORKERS: 'false', TWILIO_EMULATOR: 'off', TWILIO_API_BASE_URL: emulator.url, PUBLIC_BASE_URL: 'http://127.0.0.1:9' },
    ),
    { log: pino({ level: 'silent' }), serveWeb: false },
  );
  try {
    const db = running.services.db;
    const at = new Date().toISOString();
    await db
      .insertInto('twilio_settings')
      .values({ id: 1, account_sid: DEMO_ACCOUNT_SID, auth_token_secret: running.services.secrets.seal(DEMO_AUTH_TOKEN), messaging_service_sid: DEMO_MESSAGING_SERVICE_SID, updated_at: at })
      .execute();
    const { id: conversationId } = await db
      .insertInto('conversations')
      .values({ subject: 'bench', type_id: null, status: 'open', created_by: null, created_at: at, updated_at: at, last_activity_at: at, last_message_id: null, closed_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: messageId } = await db
      .insertInto('messages')
      .values({ conversation_id: conversationId, author_id: null, kind: 'user', body: 'Your order is ready for pickup.', created_at: at, direction: 'outbound', phone_number: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < n + warmup; i += 500) {
      const rows = Array.from({ length: Math.min(500, n + warmup - i) }, (_, k) => ({
        message_id: messageId, conversation_id: conversationId, to_number: `+1201555${String(2000 + ((i + k) % 7000)).slice(-4)}`,
        status: 'queued' as const, next_attempt_at: at, created_at: at, updated_at: at,
      }));
      await db.insertInto('deliveries').values(rows).execute();
    }
    const dispatcher = createDispatcher(running.services, { batch: 500, concurrency, ratePerSecond: 0 });
    // Warm-up rounds (JIT, connection pools) are not counted.
    let warmed = 0;
    while (warmed < warmup) warmed += (await dispatcher.runOnce()).accepted;
    const started = performance.now();
    let accepted = 0;
    for (;;) {
      const r = await dispatcher.runOnce();
      accepted += r.accepted;
      if (r.claimed === 0) break;
    }
    const seconds = (performance.now() - started) / 1000;
    return { deliveries: n, accepted, seconds, perSecond: accepted / seconds };
  } finally {
    await running.close();
    emulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
