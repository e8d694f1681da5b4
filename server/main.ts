import { ConfigError, loadConfig } from './config.js';
import type { Config } from './config.js';
import { startServer } from './boot.js';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const running = await startServer(config);
const { log } = running.services;
const lines = [`Switchboard is running at ${running.url}`];
if (running.emulator) {
  lines.push(`Texting uses the built-in Twilio emulator (no Twilio API key set). Phone simulator: ${running.url}/simulator`);
}
if (running.demoLogins?.length) {
  lines.push('Demo sign-ins (username / password):');
  for (const l of running.demoLogins) lines.push(`  ${l.username.padEnd(10)} ${l.password.padEnd(14)} ${l.description}`);
}
console.log(`\n${lines.join('\n')}\n`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
  const timer = setTimeout(() => {
    log.error('shutdown timed out; exiting');
    process.exit(1);
  }, config.shutdownTimeoutMs);
  timer.unref();
  try {
    await running.close();
    log.info('shutdown complete');
    process.exit(0);
  } catch (err) {
    log.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
