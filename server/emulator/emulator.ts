import { Carrier } from './carrier.js';
import { EmulatorCore } from './core.js';
import type { Faults } from './faults.js';
import { receiveFromPhone } from './inbound.js';
import type { PhoneSend } from './inbound.js';
import { messageJson } from './message-json.js';
import type { ApiRequest } from './state.js';
import type { EmulatorAccount, EmulatorNumber, StoredMessage, TwilioEmulatorOptions, WebhookDelivery } from './types.js';

/** A message as the Twilio REST API shows it. */
export type TwilioMessageJson = ReturnType<typeof messageJson>;

/**
 * A running emulator: its state, the knobs tests and the simulator turn, and the phones.
 * Returned by `registerTwilioEmulator` and `startTwilioEmulator`.
 */
export class TwilioEmulator {
  /** @internal shared with the routes */
  readonly core: EmulatorCore;
  /** @internal */
  readonly carrier: Carrier;

  constructor(options: TwilioEmulatorOptions = {}) {
    this.core = new EmulatorCore(options);
    this.carrier = new Carrier(this.core);
  }

  /** Accounts accepted on the REST API (the first is the default). */
  get accounts(): readonly EmulatorAccount[] {
    return this.core.state.accounts;
  }

  /** Injected failures (`faults.failNextCreates(2, { status: 429 })`). */
  get faults(): Faults {
    return this.core.faults;
  }

  /** The business numbers and their webhooks. */
  numbers(): EmulatorNumber[] {
    return this.core.state.numbers.map((n) => ({ ...n }));
  }

  /** Replaces the business numbers (the app calls this once it knows its webhook URL). */
  setNumbers(numbers: EmulatorNumber[]): void {
    this.core.state.setNumbers(numbers);
  }

  /** Points every business number's "A message comes in" webhook at `smsUrl`. */
  setSmsUrl(smsUrl: string): void {
    this.core.state.setNumbers(this.core.state.numbers.map((n) => ({ ...n, smsUrl })));
  }

  /** The base URL used in MediaUrl fields: set it when the emulator is reached at another address. */
  setPublicUrl(url: string): void {
    this.core.setPublicUrl(url);
  }

  get publicUrl(): string {
    return this.core.publicUrl();
  }

  /**
   * A simulated phone texts a business number. Resolves once the webhook (with its retries),
   * any TwiML reply and the opt-out confirmation are done; throws PhoneSendError on bad input.
   */
  async sendFromPhone(from: string, input: PhoneSend): Promise<TwilioMessageJson> {
    const { message, done } = receiveFromPhone(this.core, this.carrier, from, input);
    await done;
    return messageJson(message);
  }

  /** Every message, oldest first, as Twilio's JSON. */
  messages(filter: { phone?: string } = {}): TwilioMessageJson[] {
    return this.stored(filter).map(messageJson);
  }

  /** @internal stored messages for the admin API */
  stored(filter: { phone?: string } = {}): StoredMessage[] {
    return this.core.state.messages().filter((m) => !filter.phone || m.phone === filter.phone);
  }

  /** The HTTP requests made to the app: status callbacks and incoming-message webhooks. */
  deliveries(): WebhookDelivery[] {
    return this.core.state.deliveries.map((d) => ({ ...d, attempts: [...d.attempts] }));
  }

  /** The REST requests the emulator answered (method, path, query, form, status), oldest first. */
  apiRequests(): ApiRequest[] {
    return this.core.state.apiRequests.map((r) => ({ ...r }));
  }

  /** Whether `phone` has opted out of texts from this business number (or its Messaging Service). */
  isOptedOut(phone: string, businessNumber: string): boolean {
    const number = this.core.state.numberOf(businessNumber);
    return number ? this.core.state.isOptedOut(this.core.state.senderKey(number), phone) : false;
  }

  /** Resolves when no carrier step, callback or webhook is pending. */
  idle(): Promise<void> {
    return this.core.idle();
  }

  /** Forgets messages, phones, opt-outs, deliveries and faults; keeps accounts and numbers. */
  reset(): void {
    this.core.faults.clear();
    this.core.state.reset();
  }

  /** Cancels pending carrier steps and retries (the HTTP server, if any, is closed by its owner). */
  close(): void {
    this.core.close();
  }
}
