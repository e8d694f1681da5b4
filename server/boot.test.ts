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

it('starts on a fresh data directory, prints the URL, and shuts down cleanly on SIGTERM', async () => {
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
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output()).toContain('shutdown complete');
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
