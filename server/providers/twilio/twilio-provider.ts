import type { MessageInstance } from 'twilio/lib/rest/api/v2010/account/message.js';
import { NETWORK_ERROR, describeTwilioError } from '../../../core/twilio-errors.js';
import { ProviderError } from '../messaging-provider.js';
import type { MessagingProvider, OutboundText, ProviderMessage } from '../messaging-provider.js';
import { createTwilioClient } from './request-client.js';
import type { TwilioClientOptions } from './request-client.js';


/** The SDK's message as the provider interface shows it. */
const present = (m: Pick<MessageInstance, 'sid' | 'status' | 'to' | 'from' | 'body' | 'errorCode' | 'dateCreated'>): ProviderMessage => ({
  sid: m.sid,
  status: m.status,
  to: m.to,
  from: m.from,
  body: m.body ?? '',
  errorCode: m.errorCode ?? null,
  dateCreated: m.dateCreated ?? null,
});

// Connection failures before the request left: Twilio cannot have created anything.
const NOT_SENT_NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'CERT_HAS_EXPIRED']);
// Statuses Twilio (or its edge) answers before creating a message: safe to send again.
const NOT_SENT_STATUS = new Set([429, 503]);

/** Turns what the SDK throws into a ProviderError: Twilio's code explained, and whether it may have been sent. */
export function toProviderError(err: unknown): ProviderError {
  const e = err as { status?: number; code?: number | string; message?: string };
  if (typeof e.status === 'number') {
    const code = typeof e.code === 'number' ? e.code : null;
    const info = describeTwilioError(code, e.status);
    const outcome = e.status < 500 || NOT_SENT_STATUS.has(e.status) ? 'not-sent' : 'unknown';
    return new ProviderError(info, code, e.status, outcome);
  }
  const netCode = typeof e.code === 'string' ? e.code : '';
  return new ProviderError(NETWORK_ERROR, null, null, NOT_SENT_NETWORK.has(netCode) ? 'not-sent' : 'unknown');
}

/**
 * The Twilio adapter: the official SDK, pointed at Twilio or (through the rewriting request
 * client) at the built-in emulator. https://www.twilio.com/docs/messaging/api/message-resource
 */
export function createTwilioProvider(options: TwilioClientOptions): MessagingProvider {
  const client = createTwilioClient(options);
  const call = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw toProviderError(err);
    }
  };
  return {
    send: (text: OutboundText) =>
      call(async () =>
        present(
          await client.messages.create({
            to: text.to,
            ...(text.messagingServiceSid ? { messagingServiceSid: text.messagingServiceSid } : { from: text.from ?? undefined }),
            ...(text.body ? { body: text.body } : {}),
            ...(text.mediaUrls?.length ? { mediaUrl: text.mediaUrls.slice(0, 10) } : {}),
            ...(text.statusCallback ? { statusCallback: text.statusCallback } : {}),
          }),
        ),
      ),
    fetch: (sid) => call(async () => present(await client.messages(sid).fetch())),
    // Twilio's list filters only by DateSent, which stays empty while a message is still queued, so
    // filter by creation time here; the list is newest first, so the last 50 reach far enough back.
    listSentTo: (to, since) =>
      call(async () =>
        (await client.messages.list({ to, limit: 50 }))
          .map(present)
          .filter((m) => m.dateCreated === null || m.dateCreated.getTime() >= since.getTime()),
      ),
    verify: () => call(async () => void (await client.api.v2010.accounts(options.accountSid).fetch())),
  };
}
