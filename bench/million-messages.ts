import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { hashPassword } from '../server/auth/passwords.js';
import { startServer } from '../server/boot.js';
import type { Running } from '../server/boot.js';
import type { DatabaseConfig } from '../server/config.js';
import { testConfig } from '../server/test/harness.js';

export interface ReadFigure {
  name: string;
  requestsPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
}

const WORDS = ['varnish', 'hinges', 'pallet', 'invoice', 'delivery', 'screws', 'cedar', 'shelving', 'quote', 'pickup', 'dock', 'truck', 'gallons', 'brass', 'refund'];

/**
 * Seeds `total` messages: one thread of `bigThread` messages and the rest in conversations of 50,
 * each tagged with one of 20 user groups (the reader belongs to one, so sees 1/20 of them), with
 * ids and times in order, as a long-running company would have them. Straight SQL in batches.
 */
export async function seed(running: Running, total: number, bigThread: number) {
  const db = running.services.db;
  const now = Date.parse('2026-01-01T00:00:00Z');
  const hash = await hashPassword('bench password');
  const at = new Date(now).toISOString();
  const [admin, reader] = await db
    .insertInto('users')
    .values(['admin', 'reader'].map((u, i) => ({ username: u, name: u, email: null, role: i === 0 ? ('admin' as const) : ('user' as const), password_hash: hash, active: 1, created_at: at, updated_at: at })))
    .returning('id')
    .execute();
  const groups = await db.insertInto('user_groups').values(Array.from({ length: 20 }, (_, i) => ({ name: `Group ${i}`, created_at: at }))).returning('id').execute();
  await db.insertInto('user_group_members').values({ group_id: groups[0]!.id, user_id: reader!.id }).execute();

  const perConversation = 50;
  const conversations = 1 + Math.ceil((total - bigThread) / perConversation);
  const convIds: number[] = [];
  for (let start = 0; start < conversations; start += 500) {
    const rows = Array.from({ length: Math.min(500, conversations - start) }, (_, k) => ({
      subject: `Order follow-up ${start + k}`,
      status: 'open' as const,
      created_by: admin!.id,
      created_at: at,
      updated_at: at,
      last_activity_at: at,
    }));
    const ids = await db.insertInto('conversations').values(rows).returning('id').execute();
    convIds.push(...ids.map((r) => r.id));
  }
  for (let start = 0; start < convIds.length; start += 500) {
    await db
      .insertInto('conversation_tags')
      .values(convIds.slice(start, start + 500).map((id, k) => ({ conversation_id: id, kind: 'group' as const, ref_id: groups[(start + k) % 20]!.id, added_by: admin!.id, created_at: at })))
      .execute();
  }
  // The big thread is visible to the reader (group 0) and is the first conversation.
  let written = 0;
  const batch = 1000;
  await db.transaction().execute(async (trx) => {
    while (written < total) {
      const rows = [];
      for (let k = 0; k < batch && written < total; k++, written++) {
        const conversation = written < bigThread ? convIds[0]! : convIds[1 + Math.floor((written - bigThread) / perConversation)]!;
        rows.push({
          conversation_id: conversation,
          author_id: written % 3 === 0 ? reader!.id : admin!.id,
          kind: 'user' as const,
          body: `Message ${written} about the ${WORDS[written % WORDS.length]} for order ${written % 9973}`,
          created_at: new Date(now + written * 1000).toISOString(),
          direction: 'internal' as const,
        });
      }
      await trx.insertInto('messages').values(rows).execute();
    }
    // Last activity and preview, as appendMessage keeps them.
    await trx
      .updateTable('conversations')
      .set((eb) => ({
        last_message_id: eb.selectFrom('messages').select((m) => m.fn.max('id').as('m')).whereRef('messages.conversation_id', '=', 'conversations.id'),
      }))
      .execute();
    await trx
      .updateTable('conversations')
      .set((eb) => ({ last_activity_at: eb.selectFrom('messages').select('created_at').whereRef('messages.id', '=', 'conversations.last_message_id') }))
      .where('last_message_id', 'is not', null)
      .execute();
  });
  return { convIds, bigId: convIds[0]! };
}

async function signIn(url: string, username: string) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'bench password' }) });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

async function read(name: string, url: string, cookie: string, seconds: number, connections: number, method: 'GET' | 'POST' = 'GET', body?: string, csrf?: string): Promise<ReadFigure> {
  const r = await autocannon({
    url,
    method,
    connections,
    duration: seconds,
    headers: { cookie, ...(body ? { 'content-type': 'application/json', 'x-csrf-token': csrf! } : {}) },
    ...(body ? { body } : {}),
  });
  return { name, requestsPerSec: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}

/**
 * Reads and writes against a database of `total` messages (SQLite by default; PostgreSQL when
 * `database` says so): the conversation list as an admin and as a user who sees a twentieth,
 * the newest page of a 200,000-message thread and a page deep in its history, full-text search,
 * and posting to the big thread.
 */
export async function benchMillion(total: number, seconds: number, connections: number, database?: DatabaseConfig) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-million-'));
  // PostgreSQL: a schema of its own, dropped afterwards.
  const schema = database?.dialect === 'postgres' ? `bench_${process.pid}_${Date.now().toString(36)}` : null;
  if (schema && database?.dialect === 'postgres') {
    const c = new pg.Client({ connectionString: database.connectionString });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
  }
  const target: DatabaseConfig = database?.dialect === 'postgres' ? { ...database, schema: schema! } : { dialect: 'sqlite', filename: path.join(dir, 'bench.db') };
  const config = testConfig(target, { HOST: '127.0.0.1', PORT: '0', DATA_DIR: dir, WORKERS: 'false', SESSION_TTL_HOURS: '24' });
  const running = await startServer(config, { log: pino({ level: 'silent' }), listen: true, serveWeb: false });
  try {
    const bigThread = Math.min(200_000, Math.floor(total / 5));
    const t0 = Date.now();
    const { bigId } = await seed(running, total, bigThread);
    // A database that grew over time has statistics; a bulk load must gather them first.
    if (running.services.database.dialect === 'postgres') await sql`analyze`.execute(running.services.db);
    const seedSeconds = (Date.now() - t0) / 1000;
    const admin = await signIn(running.url, 'admin');
    const reader = await signIn(running.url, 'reader');
    const base = running.url;
    const deep = bigThread; // a message id about halfway back through the big thread
    const figures: ReadFigure[] = [];
    figures.push(await read('conversation list, admin (sees all)', `${base}/api/conversations?limit=50`, admin.cookie, seconds, connections));
    figures.push(await read('conversation list, user (sees 1/20)', `${base}/api/conversations?limit=50`, reader.cookie, seconds, connections));
    figures.push(await read(`newest 50 of a ${bigThread.toLocaleString('en-US')}-message thread`, `${base}/api/conversations/${bigId}/messages?limit=50`, reader.cookie, seconds, connections));
    figures.push(await read('a page deep in its history', `${base}/api/conversations/${bigId}/messages?limit=50&before=${Math.floor(deep / 2)}`, reader.cookie, seconds, connections));
    for (const [q, who, cookie] of [['cedar order', 'admin', admin.cookie], ['refund 42', 'user', reader.cookie]] as const) {
      figures.push(await read(`search "${q}" (${who})`, `${base}/api/conversations/search?q=${encodeURIComponent(q)}`, cookie, seconds, connections));
    }
    figures.push(await read('post to the big thread', `${base}/api/conversations/${bigId}/messages`, reader.cookie, seconds, Math.min(connections, 10), 'POST', JSON.stringify({ body: 'bench reply' }), reader.csrfToken));
    return { seedSeconds, figures, total };
  } finally {
    await running.close();
    fs.rmSync(dir, { recursive: true, force: true });
    if (schema && database?.dialect === 'postgres') {
      const c = new pg.Client({ connectionString: database.connectionString });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    }
  }
}
