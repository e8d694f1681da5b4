import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import pino from 'pino';
import twilio from 'twilio';
import { startServer } from '../server/boot.js';
import { testConfig } from '../server/test/harness.js';
import { resolveTexting } from '../server/texting/settings/texting-settings.js';

export interface LoadResult {
  requestsPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
}

/** Signed inbound-message bodies, made before the run so signing does not load the generator. */
function signedBodies(url: string, authToken: string, n: number): { body: string; signature: string }[] {
  const out = [];
  for (let i = 0; i < n; i++) {
    const sid = `SM${i.toString(16).padStart(32, '0')}`;
    const params: Record<string, string> = {
      MessageSid: sid, SmsSid: sid, SmsMessageSid: sid, AccountSid: 'AC5b0a4d000000000000000000000e0001',
      From: `+1201555${String(1000 + (i % 9000)).slice(-4)}`, To: '+12015550100', Body: `bench message ${i}`,
      NumMedia: '0', NumSegments: '1', SmsStatus: 'received', ApiVersion: '2010-04-01',
    };
    out.push({ body: new URLSearchParams(params).toString(), signature: twilio.getExpectedTwilioSignature(authToken, url, params) });
  }
  return out;
}

async function load(url: string, bodies: { body: string; signature: string }[], seconds: number, connections: number): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    requests: [
      {
        setupRequest: (req) => {
          const b = bodies[next++ % bodies.length]!;
          return { ...req, body: b.body, headers: { ...req.headers, 'x-twilio-signature': b.signature } };
        },
      },
    ],
  });
  return {
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}

/** A minimal Fastify route that verifies the signature and inserts one row into SQLite: the baseline. */
async function baseline(dir: string, authToken: string) {
  const db = new SQLite(path.join(dir, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table inbound (id integer primary key autoincrement, sid text unique not null, params text not null)');
  const insert = db.prepare('insert into inbound (sid, params) values (?, ?) on conflict (sid) do nothing');
  const app = Fastify({ logger: false });
  await app.register(fastifyFormbody);
  let base = '';
  app.post('/webhooks/twilio/messages', async (request, reply) => {
    const params = request.body as Record<string, string>;
    const sig = request.headers['x-twilio-signature'];
    if (typeof sig !== 'string' || !twilio.validateRequest(authToken, sig, `${base}/webhooks/twilio/messages`, params)) {
      return reply.status(403).send();
    }
    insert.run(params.MessageSid, JSON.stringify(params));
    return reply.type('text/xml').send('<Response/>');
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return { url: base, close: async () => { await app.close(); db.close(); } };
}

/** Inbound webhooks, signed, verified, persisted and answered: Switchboard against the bare baseline. */
export async function benchInbound(seconds: number, connections: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
  try {
    const running = await startServer(
      testConfig({ dialect: 'sqlite', filename: path.join(dir, 'bench.db') }, { HOST: '127.0.0.1', PORT: '0', DATA_DIR: dir, WORKERS: 'false' }),
      { log: pino({ level: 'silent' }), serveWeb: false },
    );
    const texting = (await resolveTexting(running.services))!;
    const appUrl = `${texting.publicBaseUrl}/webhooks/twilio/messages`;
    const bodies = signedBodies(appUrl, texting.authToken, 200_000);
    const app = await load(appUrl, bodies, seconds, connections);
    const stored = Number((await running.services.db.selectFrom('inbound_messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    await running.close();

    const base = await baseline(dir, texting.authToken);
    const baseBodies = signedBodies(`${base.url}/webhooks/twilio/messages`, texting.authToken, 200_000);
    const bare = await load(`${base.url}/webhooks/twilio/messages`, baseBodies, seconds, connections);
    await base.close();
    return { app, stored, baseline: bare, ratio: app.requestsPerSec / bare.requestsPerSec };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
