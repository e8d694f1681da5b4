import { describe, expect, it } from 'vitest';
import { money, parseMoney, shortTime } from './format';

describe('parseMoney', () => {
  it('reads amounts as typed by people into integer cents', () => {
    expect(parseMoney('1,250.5')).toBe(125050);
    expect(parseMoney('$12')).toBe(1200);
    expect(parseMoney(' 0.07 ')).toBe(7);
    expect(parseMoney('-3.10')).toBe(-310);
  });
  it('refuses what is not an amount', () => {
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('12.345')).toBeNull();
    expect(parseMoney('abc')).toBeNull();
  });
  it('round-trips with money()', () => {
    expect(money(parseMoney('1,234.56')!)).toBe('$1,234.56');
  });
});

describe('shortTime', () => {
  const now = new Date(2026, 11, 4, 15, 0);
  it('shows only the time for today and a date otherwise', () => {
    expect(shortTime(new Date(2026, 11, 4, 9, 5).toISOString(), now)).toMatch(/9:05/);
    expect(shortTime(new Date(2026, 10, 30, 9, 5).toISOString(), now)).not.toMatch(/9:05/);
    expect(shortTime(new Date(2025, 10, 30).toISOString(), now)).toMatch(/2025/);
  });
});
