import twilio from 'twilio';
import type { Harness } from './harness.js';

/** Posts a form to the app signed exactly as Twilio signs webhooks (or with a given signature). */
export async function postSignedWebhook(
  h: Harness,
  path: string,
  params: Record<string, string>,
  options: { authToken?: string; signature?: string | null } = {},
) {
  const texting = await import('../texting/settings/texting-settings.js').then((m) => m.resolveTexting(h.running.services));
  const url = `${texting!.publicBaseUrl}${path}`;
  const token = options.authToken ?? texting!.authToken;
  const signature = options.signature === undefined ? twilio.getExpectedTwilioSignature(token, url, params) : options.signature;
  return h.running.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
    payload: new URLSearchParams(params).toString(),
  });
}

let counter = 0;
/** A plausible inbound-message webhook body, as Twilio sends it. */
export function inboundParams(from: string, body: string, overrides: Record<string, string> = {}): Record<string, string> {
  const sid = `SM${(Date.now().toString(16) + (counter++).toString(16)).padStart(32, '0')}`;
  return {
    ToCountry: 'US', ToState: 'NJ', SmsMessageSid: sid, NumMedia: '0', ToCity: '', FromZip: '', SmsSid: sid,
    FromState: 'NJ', SmsStatus: 'received', FromCity: '', Body: body, FromCountry: 'US', To: '+12015550100',
    ToZip: '', NumSegments: '1', MessageSid: sid, AccountSid: 'AC5b0a4d000000000000000000000e0001', From: from, ApiVersion: '2010-04-01',
    ...overrides,
  };
}

/** An inbound text arriving as Twilio's signed webhook, then processed into its conversation. */
export async function receiveText(h: Harness, from: string, body: string, extra: Record<string, string> = {}) {
  const res = await postSignedWebhook(h, '/webhooks/twilio/messages', inboundParams(from, body, extra));
  if (res.statusCode !== 200) throw new Error(`webhook answered ${res.statusCode}: ${res.body}`);
  const { createInboundProcessor } = await import('../texting/inbound/process-inbound.js');
  await createInboundProcessor(h.running.services).runOnce();
}

let fresh = 0;
/** A fictional number not used before in this test file, so tests sharing a database never share a thread. */
export const freshNumber = () => `+1973555${String(1000 + fresh++).padStart(4, '0')}`;
