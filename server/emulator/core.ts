import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_MESSAGING_SERVICE_SID, DEMO_PHONE_NUMBER } from './constants.js';
import { Faults } from './faults.js';
import { EmulatorState } from './state.js';
import type { EmulatorAccount, EmulatorClock, StatusDelays, TwilioEmulatorOptions, WebhookRetryOptions } from './types.js';

/** Thrown into pending carrier steps when the emulator closes; they stop quietly. */
export class EmulatorClosed extends Error {
  constructor() {
    super('The Twilio emulator was closed.');
  }
}

const DEFAULT_DELAYS: StatusDelays = { queued: 100, sending: 300, sent: 600, delivered: 1200 };
const DEFAULT_RETRY: WebhookRetryOptions = { retries: 3, delaysMs: [500, 1000, 2000], timeoutMs: 15_000 };

function resolveDelays(option: TwilioEmulatorOptions['statusDelaysMs']): StatusDelays {
  if (typeof option === 'number') return { queued: option, sending: option, sent: option, delivered: option };
  return { ...DEFAULT_DELAYS, ...option };
}

/**
 * What every part of the emulator shares: state, timing, the clock, and tracking of the work
 * in flight so `idle()` can wait for it and `close()` can stop it.
 */
export class EmulatorCore {
  readonly state: EmulatorState;
  readonly faults = new Faults();
  readonly clock: EmulatorClock;
  readonly delays: StatusDelays;
  readonly retry: WebhookRetryOptions;
  private configuredUrl: string | undefined;
  private inferredUrl: string | undefined;
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private readonly inFlight = new Set<Promise<unknown>>();
  closed = false;

  constructor(options: TwilioEmulatorOptions) {
    const accounts: EmulatorAccount[] = options.accounts?.length
      ? options.accounts
      : [{ accountSid: DEMO_ACCOUNT_SID, authToken: DEMO_AUTH_TOKEN }];
    const numbers = options.numbers ?? [{ phoneNumber: DEMO_PHONE_NUMBER, messagingServiceSid: DEMO_MESSAGING_SERVICE_SID }];
    this.state = new EmulatorState(accounts, numbers);
    this.clock = options.clock ?? { now: () => new Date() };
    this.delays = resolveDelays(options.statusDelaysMs);
    this.retry = { ...DEFAULT_RETRY, ...options.webhookRetry };
    this.configuredUrl = options.publicUrl?.replace(/\/+$/, '');
  }

  account(accountSid: string | undefined): EmulatorAccount | undefined {
    if (!accountSid) return this.state.accounts[0];
    return this.state.accounts.find((a) => a.accountSid === accountSid);
  }

  /** The base URL put in MediaUrl fields: configured, else learned from the first request. */
  publicUrl(): string {
    return this.configuredUrl ?? this.inferredUrl ?? 'http://127.0.0.1:3001';
  }

  setPublicUrl(url: string): void {
    this.configuredUrl = url.replace(/\/+$/, '');
  }

  /** Remembers the origin requests arrive on, for when no public URL was configured. */
  noteOrigin(origin: string): void {
    this.inferredUrl ??= origin;
  }

  /** Waits `ms` on a timer that `close()` cancels (the await then throws EmulatorClosed). */
  defer(ms: number): Promise<void> {
    if (this.closed) return Promise.reject(new EmulatorClosed());
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.set(timer, () => reject(new EmulatorClosed()));
    });
  }

  /** Runs background work, tracked for `idle()`; a close interrupts it without an error. */
  run(work: () => Promise<unknown>): Promise<void> {
    const p: Promise<void> = work().then(
      () => undefined,
      (err: unknown) => {
        if (!(err instanceof EmulatorClosed)) console.error('[twilio-emulator]', err);
      },
    );
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
    return p;
  }

  /** Resolves when no carrier step or webhook is pending (new work started meanwhile included). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
    for (const [timer, cancel] of this.timers) {
      clearTimeout(timer);
      cancel();
    }
    this.timers.clear();
  }
}
