/**
 * `npm run dev`: the API server (restarted on change by `tsx watch`) on PORT (3000) and the Vite dev
 * server (hot reload) on :5173, which proxies /api, /healthz, /simulator and /webhooks to the API.
 * Both children share this terminal; Ctrl+C (or either child dying) stops both.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) =>
  path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const WEB_URL = 'http://localhost:5173';
// The API listens on PORT (default 3000); Vite's proxy reads the same variable (vite.config.ts).
const API_URL = `http://localhost:${loadConfig().port}`;

const children: { name: string; child: ChildProcess }[] = [];
let stopping = false;

function start(name: string, command: string, args: string[]) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  children.push({ name, child });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[dev] ${name} exited (${signal ?? `code ${code}`}); stopping.`);
    void stop(code ?? 1);
  });
  return child;
}

async function stop(exitCode: number) {
  if (stopping) return;
  stopping = true;
  const alive = children.filter(({ child }) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    alive.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          const force = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(exitCode);
}

async function up(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

/** Says where to go once both servers answer. */
async function announce() {
  for (let i = 0; i < 120 && !stopping; i++) {
    if ((await up(`${API_URL}/healthz`)) && (await up(WEB_URL))) {
      console.log(`\n[dev] Open ${WEB_URL}\n`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

start('API server', bin('tsx'), ['watch', '--clear-screen=false', 'server/main.ts']);
start('Vite', bin('vite'), []);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
void announce();
