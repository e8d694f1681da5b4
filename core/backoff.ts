/**
 * Capped exponential backoff with jitter: attempt 1 waits about `baseMs`, each further attempt
 * doubles it up to `capMs`; the wait is drawn from [half, full] so retries of many deliveries
 * spread out instead of arriving at Twilio together.
 */
export function backoffMs(attempt: number, random: () => number = Math.random, baseMs = 2_000, capMs = 300_000): number {
  const full = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + random() * (full / 2));
}

/** How many times a transient failure is retried before the delivery is marked failed. */
export const MAX_SEND_ATTEMPTS = 8;
