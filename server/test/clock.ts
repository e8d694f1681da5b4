import type { Clock } from '../context.js';

/** A clock tests move by hand: expiry and ordering without sleeping. */
export interface TestClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function testClock(start: Date | string = '2026-06-01T09:00:00.000Z'): TestClock {
  let t = new Date(start).getTime();
  return {
    // Each reading moves one millisecond on, so rows written in sequence never tie.
    now: () => new Date(t++),
    set: (at) => void (t = new Date(at).getTime()),
    advance: (ms) => void (t += ms),
  };
}
