import { randomUUID } from 'node:crypto';
import twilio from 'twilio';
import type { EmulatorCore } from './core.js';
import type { WebhookDelivery, WebhookRetryOptions } from './types.js';

type RetryReason = '4xx' | '5xx' | 'ct' | 'rt';

interface Overrides {
  retries: number;
  policy: Set<RetryReason>;
  timeoutMs: number;
}

/**
 * Twilio's connection overrides ride in the URL fragment (`…/hook#rc=3&rp=5xx,ct&rt=5000`) and
 * are never sent to the server (https://www.twilio.com/docs/usage/webhooks/webhooks-connection-overrides).
 * Without them the emulator retries 5xx, connection failures and timeouts (`defaults`), so the
 * app's handling of repeated deliveries is exercised; Twilio's own default is one retry.
 */
export function connectionOverrides(url: string, defaults: WebhookRetryOptions): { url: string; overrides: Overrides } {
  const hash = url.indexOf('#');
  const bare = hash < 0 ? url : url.slice(0, hash);
  const overrides: Overrides = { retries: defaults.retries, policy: new Set(['5xx', 'ct', 'rt']), timeoutMs: defaults.timeoutMs };
  if (hash < 0) return { url: bare, overrides };
  const fragment = new URLSearchParams(url.slice(hash + 1));
  const rc = Number(fragment.get('rc'));
  if (fragment.has('rc') && Number.isInteger(rc)) overrides.retries = Math.min(Math.max(rc, 0), 5);
  const rp = fragment.get('rp');
  if (rp) {
    const parts = rp.split(',').map((p) => p.trim());
    overrides.policy = new Set(parts.includes('all') ? ['4xx', '5xx', 'ct', 'rt'] : (parts as RetryReason[]));
  }
  const rt = Number(fragment.get('rt'));
  if (fragment.has('rt') && rt >= 100) overrides.timeoutMs = Math.min(rt, 15_000);
  return { url: bare, overrides };
}

export interface WebhookResult {
  delivery: WebhookDelivery;
  /** The last response's status and body (TwiML for an incoming-message webhook). */
  response: { status: number; contentType: string; body: string } | null;
}

export interface SendWebhook {
  kind: WebhookDelivery['kind'];
  messageSid: string;
  url: string;
  params: Record<string, string>;
  authToken: string;
}

/**
 * POSTs a form-encoded, signed webhook the way Twilio does: `X-Twilio-Signature` is the
 * HMAC-SHA1 of the URL plus the sorted parameters with the account's Auth Token
 * (https://www.twilio.com/docs/usage/webhooks/webhooks-security), computed by the twilio
 * package itself. Retries keep the same `I-Twilio-Idempotency-Token`.
 */
export async function sendWebhook(core: EmulatorCore, hook: SendWebhook): Promise<WebhookResult> {
  const { retry, state } = core;
  const { url, overrides } = connectionOverrides(hook.url, retry);
  const delivery: WebhookDelivery = { kind: hook.kind, messageSid: hook.messageSid, url, params: hook.params, attempts: [], outcome: 'pending' };
  state.recordDelivery(delivery);
  const signature = twilio.getExpectedTwilioSignature(hook.authToken, url, hook.params);
  const idempotencyToken = randomUUID();
  const body = new URLSearchParams(hook.params).toString();
  let response: WebhookResult['response'] = null;
  for (let attempt = 0; attempt <= overrides.retries; attempt++) {
    if (attempt > 0) await core.defer(retry.delaysMs[Math.min(attempt - 1, retry.delaysMs.length - 1)] ?? 0);
    let reason: RetryReason | null = null;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': 'TwilioProxy/1.1',
          'x-twilio-signature': signature,
          'i-twilio-idempotency-token': idempotencyToken,
          'x-home-region': 'us1',
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(overrides.timeoutMs),
      });
      response = { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() };
      delivery.attempts.push({ at: new Date().toISOString(), status: res.status, error: null });
      if (res.status < 400) {
        delivery.outcome = 'delivered';
        return { delivery, response };
      }
      reason = res.status >= 500 ? '5xx' : '4xx';
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      reason = timedOut ? 'rt' : 'ct';
      delivery.attempts.push({ at: new Date().toISOString(), status: null, error: err instanceof Error ? err.message : String(err) });
    }
    if (!overrides.policy.has(reason)) break;
  }
  delivery.outcome = 'failed';
  return { delivery, response };
}
