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
