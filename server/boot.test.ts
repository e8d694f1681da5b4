import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase } from './test/harness.js';

describeEachDatabase('health and readiness', (h) => {
  it('answers /healthz and /readyz without a session', async () => {
    const health = await h().running.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    const ready = await h().running.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('serves the OpenAPI document with the API routes and their schemas', async () => {
    const res = await h().running.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/conversations', '/api/customers/{id}', '/api/auth/login']));
    expect(doc.paths['/api/conversations'].post.requestBody).toBeDefined();
  });

  it('answers unknown API routes with the error shape', async () => {
    const alice = await h().signIn('alice');
    const res = await alice.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

it('reports not ready with 503 when the database is unreachable', async () => {
  const { startHarness } = await import('./test/harness.js');
  const h = await startHarness('sqlite');
  await h.running.services.database.destroy();
  const ready = await h.running.app.inject({ method: 'GET', url: '/readyz' });
  expect(ready.statusCode).toBe(503);
  expect(ready.json().error.code).toBe('SERVICE_UNAVAILABLE');
  await h.running.app.close();
});

function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = () => out;
  return { child, exited, output };
}

it('refuses to start with a clear list of invalid settings', async () => {
  const { exited, output } = startMain({ PORT: 'abc', LOG_LEVEL: 'chatty' });
  expect(await exited).toBe(1);
  expect(output()).toContain('Invalid configuration');
  expect(output()).toContain('PORT');
  expect(output()).toContain('LOG_LEVEL');
});

it('starts on a fresh data directory, prints the URL, and on SIGTERM finishes in-flight requests and exits cleanly', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-boot-'));
  const { child, exited, output } = startMain({ DATA_DIR: dir, PORT: '0', SEED_DEMO: 'false', LOG_LEVEL: 'info', NODE_ENV: 'production' });
  try {
    const deadline = Date.now() + 20_000;
    while (!/running at (http:\/\/\S+)/.test(output())) {
      if (Date.now() > deadline) throw new Error(`server did not start:\n${output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = /running at (http:\/\/\S+)/.exec(output())![1]!;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(fs.existsSync(path.join(dir, 'switchboard.db'))).toBe(true);
    // Requests in flight when SIGTERM arrives are finished, not dropped: each sign-in attempt
    // spends tens of milliseconds hashing, so many are still running when the signal lands.
    const inFlight = Array.from({ length: 40 }, (_, i) =>
      fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify({ username: `nobody${i}`, password: 'wrong password' }),
      }).then((r) => r.status, (err: Error) => `failed: ${err.message}`),
    );
    // Signal only once the server has received every one of them (it logs each incoming request).
    const received = () => (output().match(/"msg":"incoming request"/g) ?? []).length;
    const before = received();
    const until = Date.now() + 10_000;
    while (received() < before + 40 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGTERM');
    const statuses = await Promise.all(inFlight);
    expect(statuses.every((st) => st === 401 || st === 429), JSON.stringify(statuses)).toBe(true);
    expect(await exited).toBe(0);
    expect(output()).toContain('shutdown complete');
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
