import { API_VERSION, MAX_MEDIA_BYTES, reservedBehaviour } from './constants.js';
import type { EmulatorCore } from './core.js';
import { newSid } from './format.js';
import { fetchMedia } from './media-fetch.js';
import { DELIVERY_ERRORS } from './twilio-errors.js';
import type { DeliveryErrorCode } from './twilio-errors.js';
import type { MessageStatus, StoredMedia, StoredMessage } from './types.js';
import { sendWebhook } from './webhook-sender.js';

// What Twilio bills per segment / per MMS in the US, as a negative string like its API.
const SMS_PRICE = 0.0079;
const MMS_PRICE = 0.02;

/** `RawDlrDoneDate`: the carrier's delivery-receipt time, YYMMDDhhmm. */
function dlrDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}`;
}

/**
 * Plays the carrier for outbound messages: moves each through queued → sending → sent →
 * delivered (or failed / undelivered with an error code), fetches its media, and POSTs every
 * status to its StatusCallback, one after another per message so they arrive in order.
 */
export class Carrier {
  private readonly callbackChains = new Map<string, Promise<void>>();

  constructor(private readonly core: EmulatorCore) {}

  /** Starts the carrier's work on a created message (in the background). */
  dispatch(message: StoredMessage): void {
    void this.core.run(() => this.progress(message));
  }

  private async progress(m: StoredMessage): Promise<void> {
    const { delays } = this.core;
    if (m.status === 'accepted') {
      await this.core.defer(delays.queued);
      this.setStatus(m, 'queued', { from: m.business });
    } else {
      this.notify(m);
    }
    if (m.mediaUrls.length > 0) {
      const failure = await this.fetchAllMedia(m);
      if (failure) return this.fail(m, 'failed', failure);
    }
    await this.core.defer(delays.sending);
    this.setStatus(m, 'sending');
    await this.core.defer(delays.sent);
    const price = m.numMedia > 0 ? MMS_PRICE : SMS_PRICE * m.numSegments;
    this.setStatus(m, 'sent', { dateSent: this.core.clock.now(), price: (-price).toFixed(5) });
    const reserved = reservedBehaviour(m.to);
    if (reserved?.kind === 'no-receipt') {
      this.core.state.update(m, { onPhone: true });
      return;
    }
    await this.core.defer(delays.delivered);
    if (reserved?.kind === 'delivery') return this.fail(m, 'undelivered', reserved.code);
    this.setStatus(m, 'delivered', { onPhone: true });
  }

  /** Fetches every MediaUrl within the 5 MB the whole message may carry; the first failure wins. */
  private async fetchAllMedia(m: StoredMessage): Promise<DeliveryErrorCode | null> {
    let bytesLeft = MAX_MEDIA_BYTES;
    const media: StoredMedia[] = [];
    for (const url of m.mediaUrls) {
      const fetched = await fetchMedia(url, bytesLeft);
      if (!fetched.ok) return fetched.code;
      bytesLeft -= fetched.bytes.length;
      media.push({
        sid: newSid('ME'),
        parentSid: m.sid,
        accountSid: m.accountSid,
        contentType: fetched.contentType,
        bytes: fetched.bytes,
        filename: fetched.filename,
        dateCreated: this.core.clock.now(),
      });
    }
    this.core.state.update(m, { media });
    return null;
  }

  private fail(m: StoredMessage, status: 'failed' | 'undelivered', code: DeliveryErrorCode): void {
    this.setStatus(m, status, { errorCode: code, errorMessage: DELIVERY_ERRORS[code] });
  }

  private setStatus(m: StoredMessage, status: MessageStatus, change: Partial<StoredMessage> = {}): void {
    this.core.state.update(m, { ...change, status, dateUpdated: this.core.clock.now() });
    this.notify(m);
  }

  /** Queues the status callback for the message's current status behind the earlier ones. */
  private notify(m: StoredMessage): void {
    if (!m.statusCallback || m.direction !== 'outbound-api') return;
    const account = this.core.account(m.accountSid);
    if (!account) return;
    const params: Record<string, string> = {
      ...(m.errorCode !== null ? { ErrorCode: String(m.errorCode) } : {}),
      SmsSid: m.sid,
      SmsStatus: m.status,
      MessageStatus: m.status,
      To: m.to,
      ...(m.messagingServiceSid ? { MessagingServiceSid: m.messagingServiceSid } : {}),
      MessageSid: m.sid,
      AccountSid: m.accountSid,
      From: m.from ?? m.business ?? '',
      ApiVersion: API_VERSION,
      ...(m.status === 'delivered' || m.status === 'undelivered' ? { RawDlrDoneDate: dlrDate(m.dateUpdated) } : {}),
    };
    const url = m.statusCallback;
    const previous = this.callbackChains.get(m.sid) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      if (this.core.closed) return;
      await sendWebhook(this.core, { kind: 'status-callback', messageSid: m.sid, url, params, authToken: account.authToken });
    });
    this.callbackChains.set(m.sid, next);
    void this.core.run(() => next);
    // Both outcomes clean up; a bare .finally() would re-raise a rejection (the emulator closing
    // mid-retry) as an unhandled one.
    const forget = () => {
      if (this.callbackChains.get(m.sid) === next) this.callbackChains.delete(m.sid);
    };
    next.then(forget, forget);
  }
}
