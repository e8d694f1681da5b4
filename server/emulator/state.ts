import { EventEmitter } from 'node:events';
import type { EmulatorAccount, EmulatorNumber, StoredMedia, StoredMessage, WebhookDelivery } from './types.js';

/** What the admin stream tells the simulator page. */
export type EmulatorEvent =
  | { type: 'message'; sid: string; phone: string }
  | { type: 'phones' }
  | { type: 'numbers' }
  | { type: 'reset' };

const MAX_DELIVERIES = 1000;

/** A REST request the emulator answered: what the SDK sent. */
export interface ApiRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  form: Record<string, string | string[]>;
  status: number;
}

/**
 * Everything the emulator knows, in memory: it stands in for Twilio's state, not the app's.
 * Every change is announced on `events` for the simulator's live stream.
 */
export class EmulatorState {
  readonly events = new EventEmitter();
  private readonly messagesBySid = new Map<string, StoredMessage>();
  private readonly mediaBySid = new Map<string, StoredMedia>();
  private readonly phoneSet = new Set<string>();
  private readonly optOuts = new Set<string>();
  deliveries: WebhookDelivery[] = [];
  /** The REST requests received, newest last (for tests and debugging). */
  apiRequests: ApiRequest[] = [];
  numbers: EmulatorNumber[];

  constructor(
    readonly accounts: EmulatorAccount[],
    numbers: EmulatorNumber[],
  ) {
    this.numbers = numbers.map((n) => ({ ...n }));
    this.events.setMaxListeners(0);
  }

  emit(event: EmulatorEvent): void {
    this.events.emit('event', event);
  }

  /** Messages oldest first. */
  messages(): StoredMessage[] {
    return [...this.messagesBySid.values()];
  }

  message(sid: string): StoredMessage | undefined {
    return this.messagesBySid.get(sid);
  }

  media(sid: string): StoredMedia | undefined {
    return this.mediaBySid.get(sid);
  }

  addMessage(message: StoredMessage): void {
    this.messagesBySid.set(message.sid, message);
    for (const m of message.media) this.mediaBySid.set(m.sid, m);
    this.addPhone(message.phone);
    this.emit({ type: 'message', sid: message.sid, phone: message.phone });
  }

  /** Applies a change to a stored message and announces it. */
  update(message: StoredMessage, change: Partial<StoredMessage>): void {
    Object.assign(message, change);
    for (const m of message.media) this.mediaBySid.set(m.sid, m);
    this.emit({ type: 'message', sid: message.sid, phone: message.phone });
  }

  phones(): string[] {
    return [...this.phoneSet];
  }

  addPhone(phone: string): void {
    if (this.phoneSet.has(phone)) return;
    this.phoneSet.add(phone);
    this.emit({ type: 'phones' });
  }

  removePhone(phone: string): void {
    if (this.phoneSet.delete(phone)) this.emit({ type: 'phones' });
  }

  numberOf(phoneNumber: string): EmulatorNumber | undefined {
    return this.numbers.find((n) => n.phoneNumber === phoneNumber);
  }

  setNumbers(numbers: EmulatorNumber[]): void {
    this.numbers = numbers.map((n) => ({ ...n }));
    this.emit({ type: 'numbers' });
  }

  /**
   * Opt-outs belong to the sender: the Messaging Service when the number is in one, otherwise
   * the number itself (Advanced Opt-Out works per Messaging Service).
   */
  senderKey(number: EmulatorNumber): string {
    return number.messagingServiceSid ?? number.phoneNumber;
  }

  isOptedOut(senderKey: string, phone: string): boolean {
    return this.optOuts.has(`${senderKey}|${phone}`);
  }

  setOptedOut(senderKey: string, phone: string, optedOut: boolean): void {
    if (optedOut) this.optOuts.add(`${senderKey}|${phone}`);
    else this.optOuts.delete(`${senderKey}|${phone}`);
    this.emit({ type: 'phones' });
  }

  /** Sender keys the phone has opted out of. */
  optOutsOf(phone: string): string[] {
    return [...this.optOuts].filter((k) => k.endsWith(`|${phone}`)).map((k) => k.slice(0, k.indexOf('|')));
  }

  recordDelivery(delivery: WebhookDelivery): void {
    this.deliveries.push(delivery);
    if (this.deliveries.length > MAX_DELIVERIES) this.deliveries.splice(0, this.deliveries.length - MAX_DELIVERIES);
  }

  recordApiRequest(request: ApiRequest): void {
    this.apiRequests.push(request);
    if (this.apiRequests.length > MAX_DELIVERIES) this.apiRequests.splice(0, this.apiRequests.length - MAX_DELIVERIES);
  }

  /** Forgets messages, media, phones, opt-outs and deliveries; keeps accounts and numbers. */
  reset(): void {
    this.messagesBySid.clear();
    this.mediaBySid.clear();
    this.phoneSet.clear();
    this.optOuts.clear();
    this.deliveries = [];
    this.apiRequests = [];
    this.emit({ type: 'reset' });
  }
}
