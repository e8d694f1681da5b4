import twilio from 'twilio';
import type TwilioRequestClient from 'twilio/lib/base/RequestClient.js';

type RequestOptions<TData> = TwilioRequestClient.RequestOptions<TData>;

/** True for the hosts the SDK builds its URLs on: api.twilio.com, messaging.twilio.com, api.sydney.au1.twilio.com… */
function isTwilioHost(hostname: string): boolean {
  return hostname === 'twilio.com' || hostname.endsWith('.twilio.com');
}

/**
 * Rewrites a URL the SDK built for a `*.twilio.com` host onto `baseUrl`, keeping path and query
 * (`https://api.twilio.com/2010-04-01/…` → `http://127.0.0.1:3001/2010-04-01/…`). A base URL with
 * a path prefix keeps it. Any other URL is returned unchanged.
 */
export function rewriteTwilioUrl(uri: string, baseUrl: string): string {
  const original = new URL(uri);
  if (!isTwilioHost(original.hostname)) return uri;
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${original.pathname}${original.search}`;
}

/**
 * The SDK's own RequestClient (axios, form encoding, Basic auth, retries), pointed at another
 * base URL: `twilio(sid, token, { httpClient: new RewritingRequestClient('http://127.0.0.1:3001') })`
 * talks to the emulator with no other change. The SDK also resolves `next_page_uri` against
 * api.twilio.com, so paging is rewritten too.
 */
export class RewritingRequestClient extends twilio.RequestClient {
  readonly baseUrl: string;

  constructor(baseUrl: string, options?: TwilioRequestClient.RequestClientOptions) {
    super(options);
    this.baseUrl = baseUrl;
  }

  override request<TData>(opts: RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: rewriteTwilioUrl(opts.uri, this.baseUrl) });
  }
}

export interface TwilioClientOptions {
  accountSid: string;
  /** The account's Auth Token; ignored when `apiKey` is given. */
  authToken: string;
  /** Authenticate with an API Key (SK…) and its secret instead of the Auth Token, as Twilio recommends. */
  apiKey?: { sid: string; secret: string };
  /** Where the API lives, e.g. the emulator's `http://127.0.0.1:3001`. Absent → the real Twilio. */
  apiBaseUrl?: string;
}

/** Builds the official Twilio client, talking to the real Twilio or to `apiBaseUrl`. */
export function createTwilioClient(options: TwilioClientOptions): twilio.Twilio {
  const httpClient = options.apiBaseUrl ? new RewritingRequestClient(options.apiBaseUrl) : undefined;
  const clientOptions = { ...(httpClient ? { httpClient } : {}) };
  if (options.apiKey) {
    return twilio(options.apiKey.sid, options.apiKey.secret, { ...clientOptions, accountSid: options.accountSid });
  }
  return twilio(options.accountSid, options.authToken, clientOptions);
}
