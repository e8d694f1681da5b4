import { expect, it } from 'vitest';
import { formatPhone, parsePhone } from './phone-numbers.js';

it.each([
  ['(201) 555-0123', '+12015550123'],
  ['201.555.0123', '+12015550123'],
  ['+12015550123', '+12015550123'],
  [' 1 201 555 0123 ', '+12015550123'],
  ['+44 20 7946 0958', '+442079460958'],
])('normalises %s to %s', (input, e164) => {
  const r = parsePhone(input);
  expect(r.ok && r.e164).toBe(e164);
});

it.each(['', '12345', 'call me', '+1 201 555 012', '555-CALL-NOW'])('refuses %j', (input) => {
  expect(parsePhone(input).ok).toBe(false);
});

it('reads numbers without a country code in the default region', () => {
  const r = parsePhone('020 7946 0958', 'GB');
  expect(r.ok && r.e164).toBe('+442079460958');
});

it('shows national format at home and international abroad', () => {
  expect(formatPhone('+12015550123')).toBe('(201) 555-0123');
  expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958');
  expect(formatPhone('+442079460958', 'GB')).toBe('020 7946 0958');
});
