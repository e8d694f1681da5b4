import type twilio from 'twilio';
import { createTwilioClient } from '../../providers/twilio/request-client.js';
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_MESSAGING_SERVICE_SID, DEMO_PHONE_NUMBER } from '../constants.js';
import { startTwilioEmulator } from '../server.js';
import type { RunningTwilioEmulator, StartTwilioEmulatorOptions } from '../server.js';
import { startTestServer } from './test-server.js';
import type { TestServer } from './test-server.js';

export const ACCOUNT = DEMO_ACCOUNT_SID;
export const TOKEN = DEMO_AUTH_TOKEN;
export const BUSINESS = DEMO_PHONE_NUMBER;
export const SERVICE = DEMO_MESSAGING_SERVICE_SID;
/** A second business number outside any Messaging Service. */
export const PLAIN_NUMBER = '+12015550101';
export const CUSTOMER = '+12015550123';

export interface EmulatorTest {
  running: RunningTwilioEmulator;
  /** The official SDK, through the rewriting RequestClient. */
  client: twilio.Twilio;
  /** The app's side: webhooks land here (/sms, /status). */
  app: TestServer;
  /** A raw form POST / GET to the emulator, for what the SDK refuses to send. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert the JSON field by field
  raw(method: 'GET' | 'POST', path: string, form?: Record<string, string | string[]>, auth?: string | null): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
}

export const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

/** A listening emulator with zero delays, its webhooks pointed at a recording test server. */
export async function startEmulatorTest(options: StartTwilioEmulatorOptions = {}): Promise<EmulatorTest> {
  const app = await startTestServer();
  const running = await startTwilioEmulator({
    port: 0,
    statusDelaysMs: 0,
    webhookRetry: { delaysMs: [0] },
    numbers: [
      { phoneNumber: BUSINESS, messagingServiceSid: SERVICE, smsUrl: `${app.url}/sms` },
      { phoneNumber: PLAIN_NUMBER, smsUrl: `${app.url}/sms` },
    ],
    ...options,
  });
  const client = createTwilioClient({ accountSid: ACCOUNT, authToken: TOKEN, apiBaseUrl: running.url });
  return {
    running,
    client,
    app,
    async raw(method, path, form, auth = basic(ACCOUNT, TOKEN)) {
      const body = form ? new URLSearchParams(Object.entries(form).flatMap(([k, v]): [string, string][] => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v]]))) : undefined;
      const res = await fetch(running.url + path, {
        method,
        headers: { ...(auth ? { authorization: auth } : {}), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body,
        redirect: 'manual',
      });
      const text = await res.text();
      return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text, headers: res.headers };
    },
    async stop() {
      await running.close();
      await app.close();
    },
  };
}

export const messagesPath = `/2010-04-01/Accounts/${ACCOUNT}/Messages.json`;
