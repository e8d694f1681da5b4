import type { FastifyRequest } from 'fastify';
import twilio from 'twilio';
import { AppError } from '../../errors.js';
import type { EffectiveTexting } from '../settings/texting-settings.js';

export type FormParams = Record<string, string | string[]>;

/**
 * Verifies `X-Twilio-Signature` over the URL Twilio called, rebuilt from the configured public
 * base URL (not the Host header), so it holds behind proxies and load balancers.
 * https://www.twilio.com/docs/usage/webhooks/webhooks-security
 */
export function verifyTwilioSignature(request: FastifyRequest, texting: EffectiveTexting, params: FormParams): void {
  const signature = request.headers['x-twilio-signature'];
  if (typeof signature !== 'string' || signature === '') {
    throw new AppError('VALIDATION_FAILED', 'Missing X-Twilio-Signature header.');
  }
  const url = `${texting.publicBaseUrl}${request.url}`;
  if (!twilio.validateRequest(texting.authToken, signature, url, params)) {
    throw new AppError('FORBIDDEN', 'The X-Twilio-Signature does not match this request.');
  }
}

/** The form body as Twilio sent it (strings; repeated keys as arrays). */
export function formParams(body: unknown): FormParams {
  const out: FormParams = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (typeof v === 'string') out[k] = v;
      else if (Array.isArray(v)) out[k] = v.map(String);
    }
  }
  return out;
}

export const param = (p: FormParams, key: string): string | undefined => {
  const v = p[key];
  return Array.isArray(v) ? v[0] : v;
};
