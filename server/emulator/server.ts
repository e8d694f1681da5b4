import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { TwilioEmulator } from './emulator.js';
import { registerTwilioEmulator } from './plugin.js';
import type { TwilioEmulatorOptions } from './types.js';

export interface StartTwilioEmulatorOptions extends TwilioEmulatorOptions {
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  logger?: boolean;
}

export interface RunningTwilioEmulator {
  emulator: TwilioEmulator;
  app: FastifyInstance;
  /** Where it listens, e.g. http://127.0.0.1:3001 (also its public URL unless one was given). */
  url: string;
  close(): Promise<void>;
}

/** Runs the emulator as its own HTTP server (`npm run emulator`, and tests). */
export async function startTwilioEmulator(options: StartTwilioEmulatorOptions = {}): Promise<RunningTwilioEmulator> {
  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: 'idle' });
  const emulator = await registerTwilioEmulator(app, options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 3001 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  if (!options.publicUrl) emulator.setPublicUrl(url);
  let closing: Promise<void> | undefined;
  return { emulator, app, url, close: () => (closing ??= app.close()) };
}
