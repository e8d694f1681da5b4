import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startAppServer } from './server.js';

/** Settings for journeys that text: demo data, workers on, a fast emulator, no pacing. */
export const TEXTING_ENV = { SEED_DEMO: 'true', WORKERS: 'true', DISPATCH_POLL_MS: '200', EMULATOR_STATUS_DELAY_MS: '50', SEND_RATE_PER_SECOND: '0' };

/** Starts the app (with the built-in emulator) and a browser for a `describe` block, and stops both after it. */
export function useTextingApp() {
  let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startAppServer(TEXTING_ENV);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    server: () => server!,
    browser: () => browser!,
  };
}
