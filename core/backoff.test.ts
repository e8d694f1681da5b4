import { expect, it } from 'vitest';
import { backoffMs } from './backoff.js';

it('doubles the wait per attempt, caps it, and jitters within [half, full]', () => {
  expect(backoffMs(1, () => 1)).toBe(2_000);
  expect(backoffMs(1, () => 0)).toBe(1_000);
  expect(backoffMs(3, () => 1)).toBe(8_000);
  expect(backoffMs(30, () => 1)).toBe(300_000);
  expect(backoffMs(30, () => 0)).toBe(150_000);
});
