import { describe, expect, it } from 'vitest';
import { formatBytes, longTime, money, parseMoney, shortTime } from './format';

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
    expect(shortTime(new Date(2026, 11, 4, 9, 5).toISOString(), undefined, now)).toMatch(/9:05/);
    expect(shortTime(new Date(2026, 10, 30, 9, 5).toISOString(), undefined, now)).not.toMatch(/9:05/);
    expect(shortTime(new Date(2025, 10, 30).toISOString(), undefined, now)).toMatch(/2025/);
  });

  it("decides what is today, and shows the time, in the company's time zone", () => {
    // 02:30 UTC on Dec 5 is still the evening of Dec 4 in New York.
    const at = '2026-12-05T02:30:00Z';
    const nowUtc = new Date('2026-12-04T14:00:00Z'); // 9 AM in New York, 11 PM in Tokyo
    expect(shortTime(at, 'America/New_York', nowUtc)).toMatch(/9:30/);
    expect(shortTime(at, 'Asia/Tokyo', nowUtc)).not.toMatch(/:30/);
    expect(longTime(at, 'America/New_York', nowUtc)).toMatch(/Dec 4.*9:30/);
    expect(longTime(at, 'Asia/Tokyo', nowUtc)).toMatch(/Dec 5.*11:30/);
  });

  it('falls back to the browser time zone for a zone it does not know', () => {
    expect(shortTime('2026-12-04T12:00:00Z', 'Not/AZone')).not.toBe('');
  });
});

describe('formatBytes', () => {
  it('shows file sizes as the attachment list and the thread do', () => {
    expect(formatBytes(186_368)).toBe('182 KB');
    expect(formatBytes(9.1 * 1024 * 1024)).toBe('9.1 MB');
    expect(formatBytes(26_214_400)).toBe('25 MB');
    expect(formatBytes(800)).toBe('800 bytes');
  });
});
