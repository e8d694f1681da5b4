/** Time as the emulator sees it (the app's Clock fits). */
export interface EmulatorClock {
  now(): Date;
}

/** A Twilio account the emulator accepts: Basic auth with AccountSid:AuthToken or an API Key SID:secret. */
export interface EmulatorAccount {
  accountSid: string;
  authToken: string;
  apiKeys?: { sid: string; secret: string }[];
}

/**
 * A business phone number on an account, optionally in a Messaging Service, with its
 * "A message comes in" webhook (`smsUrl`, POST).
 */
export interface EmulatorNumber {
  phoneNumber: string;
  messagingServiceSid?: string;
  smsUrl?: string;
  /** Defaults to the first account. */
  accountSid?: string;
}

/** Milliseconds before each carrier step of an outbound message. */
export interface StatusDelays {
  /** accepted → queued (Messaging Service sends only). */
  queued: number;
  sending: number;
  sent: number;
  delivered: number;
}

export interface WebhookRetryOptions {
  /** Retries after the first attempt, when the URL carries no `#rc=` override. */
  retries: number;
  /** Wait before retry n (the last value repeats). */
  delaysMs: number[];
  /** Per-attempt timeout (Twilio's read timeout default is 15 s). */
  timeoutMs: number;
}

export interface TwilioEmulatorOptions {
  accounts?: EmulatorAccount[];
  /** The emulator's own base URL, used in MediaUrl and `uri` fields that must be fetched. */
  publicUrl?: string;
  numbers?: EmulatorNumber[];
  clock?: EmulatorClock;
  /** One number for every step, or per step. Tests use 0. */
  statusDelaysMs?: number | Partial<StatusDelays>;
  webhookRetry?: Partial<WebhookRetryOptions>;
}

export type MessageStatus =
  | 'accepted'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'received';

export type Direction = 'inbound' | 'outbound-api' | 'outbound-reply';

export interface StoredMedia {
  sid: string;
  parentSid: string;
  accountSid: string;
  contentType: string;
  bytes: Buffer;
  filename: string | null;
  dateCreated: Date;
}

/** What the phone-side app shows for one of its own sends: did Twilio's webhook reach the business? */
export type WebhookState = 'pending' | 'delivered' | 'failed' | 'no-webhook';

export interface StoredMessage {
  sid: string;
  accountSid: string;
  messagingServiceSid: string | null;
  from: string | null;
  to: string;
  body: string;
  status: MessageStatus;
  direction: Direction;
  numSegments: number;
  numMedia: number;
  errorCode: number | null;
  errorMessage: string | null;
  price: string | null;
  dateCreated: Date;
  dateSent: Date | null;
  dateUpdated: Date;
  statusCallback: string | null;
  mediaUrls: string[];
  media: StoredMedia[];
  /** The mobile phone's side of the message: `to` when outbound, `from` when inbound. */
  phone: string;
  /** The business number's side (null while a Messaging Service has not picked a sender). */
  business: string | null;
  /** Inbound only: how the webhook to the business went. */
  webhook: WebhookState | null;
  optOutType: OptOutType | null;
  /** An outbound message has reached the simulated handset (the phone page shows it). */
  onPhone: boolean;
}

export type OptOutType = 'STOP' | 'START' | 'HELP';

/** One HTTP request the emulator made to the app (status callback or incoming-message webhook). */
export interface WebhookDelivery {
  kind: 'status-callback' | 'incoming-message';
  messageSid: string;
  url: string;
  params: Record<string, string>;
  attempts: { at: string; status: number | null; error: string | null }[];
  outcome: 'pending' | 'delivered' | 'failed';
}
