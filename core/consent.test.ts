import { describe, expect, it } from 'vitest';
import { applyConsent } from './consent.js';
import type { ConsentEvent, ConsentState } from './consent.js';

describe('consent state machine', () => {
  const cases: [ConsentState, ConsentEvent['type'], ConsentState | 'refused', boolean][] = [
    // from, event, to, confirmation sent
    ['none', 'verbal', 'opted_in', true],
    ['pending', 'verbal', 'opted_in', true],
    ['opted_in', 'verbal', 'opted_in', false],
    ['opted_out', 'verbal', 'refused', false],
    ['none', 'text-request-sent', 'pending', false],
    ['pending', 'text-request-sent', 'pending', false],
    ['opted_in', 'text-request-sent', 'opted_in', false],
    ['opted_out', 'text-request-sent', 'refused', false],
    ['none', 'start-received', 'opted_in', true],
    ['pending', 'start-received', 'opted_in', true],
    ['opted_out', 'start-received', 'opted_in', true],
    ['opted_in', 'start-received', 'opted_in', false],
    ['none', 'stop-received', 'opted_out', false],
    ['pending', 'stop-received', 'opted_out', false],
    ['opted_in', 'stop-received', 'opted_out', false],
    ['opted_out', 'stop-received', 'opted_out', false],
    ['opted_in', 'provider-opt-out', 'opted_out', false],
    ['none', 'initiated-by-phone', 'opted_in', false],
    ['pending', 'initiated-by-phone', 'pending', false],
    ['opted_out', 'initiated-by-phone', 'opted_out', false],
  ];
  it.each(cases)('%s + %s → %s', (from, event, to, confirmation) => {
    const r = applyConsent(from, { type: event } as ConsentEvent);
    if (to === 'refused') {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain('START');
      return;
    }
    expect(r).toEqual({ ok: true, state: to, changed: to !== from, sendConfirmation: confirmation });
  });
});
