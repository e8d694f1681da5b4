import type { DeliveryErrorInfo } from '../../core/twilio-errors.js';

export interface OutboundText {
  to: string;
  /** Exactly one of messagingServiceSid and from. */
  messagingServiceSid?: string | null;
  from?: string | null;
  body?: string;
  mediaUrls?: string[];
  statusCallback?: string;
}

export interface ProviderMessage {
  sid: string;
  /** Twilio's status value (queued, sent, delivered, …). */
  status: string;
  to: string;
  from: string | null;
  body: string;
  errorCode: number | null;
  dateCreated: Date | null;
}

/**
 * Whether a failed request may still have created the message: `no` for refusals and connection
 * failures, `unknown` for time-outs and gateway errors, where Twilio may have accepted it.
 */
export type SendOutcome = 'not-sent' | 'unknown';

/** A provider refusal or failure, already explained in the product's terms. */
export class ProviderError extends Error {
  constructor(
    readonly info: DeliveryErrorInfo,
    readonly providerCode: number | null,
    readonly httpStatus: number | null,
    readonly outcome: SendOutcome,
  ) {
    super(info.explanation);
    this.name = 'ProviderError';
  }
}

/** What the outbox needs of an SMS/MMS provider. The Twilio adapter implements it. */
export interface MessagingProvider {
  send(text: OutboundText): Promise<ProviderMessage>;
  fetch(sid: string): Promise<ProviderMessage>;
  /** Messages sent to a number since a moment, newest first: to settle a send whose outcome is unknown. */
  listSentTo(to: string, since: Date): Promise<ProviderMessage[]>;
  /** Resolves when the credentials work; throws a ProviderError otherwise. */
  verify(): Promise<void>;
}
