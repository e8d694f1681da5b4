import { TwilioApiError } from './twilio-errors.js';

export interface CreateFault {
  /** HTTP status of the refused create: 500 (Twilio down), 503, or 429 (rate limited). */
  status: 500 | 503 | 429;
  /** Twilio error code in the body; defaults to 20500 / 20503 / 20429. */
  code?: number;
}

const DEFAULTS: Record<CreateFault['status'], { code: number; message: string }> = {
  500: { code: 20500, message: 'Internal Server Error' },
  503: { code: 20503, message: 'Service Unavailable' },
  429: { code: 20429, message: 'Too Many Requests' },
};

/** Failures injected by tests and the simulator page, consumed in order. */
export class Faults {
  private pendingCreates: CreateFault[] = [];

  /** The next `count` Messages creates answer this error instead of creating a message. */
  failNextCreates(count: number, fault: CreateFault = { status: 500 }): void {
    for (let i = 0; i < count; i++) this.pendingCreates.push({ ...fault });
  }

  /** Used by the create route: the error to answer now, if one is pending. */
  takeCreateFault(): TwilioApiError | null {
    const fault = this.pendingCreates.shift();
    if (!fault) return null;
    const d = DEFAULTS[fault.status];
    return new TwilioApiError(fault.status, fault.code ?? d.code, d.message);
  }

  snapshot(): { pendingCreateFailures: CreateFault[] } {
    return { pendingCreateFailures: this.pendingCreates.map((f) => ({ ...f })) };
  }

  clear(): void {
    this.pendingCreates = [];
  }
}
