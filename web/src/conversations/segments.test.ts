import { describe, expect, it } from 'vitest';
import { TEXT_TOO_LONG_MESSAGE, describeSms, smsInfo } from './segments';

describe('SMS segments', () => {
  it('counts a short GSM-7 text as one segment', () => {
    expect(describeSms(smsInfo('Your order is ready.'))).toBe('1 segment · GSM-7 · 20 characters');
  });

  it('splits a long GSM-7 text into 153-character segments', () => {
    expect(describeSms(smsInfo('a'.repeat(180)))).toBe('2 segments · GSM-7 · 180 characters');
    expect(smsInfo('a'.repeat(160)).segments).toBe(1);
    expect(smsInfo('a'.repeat(161)).segments).toBe(2);
  });

  it('switches to UCS-2 for a character outside GSM-7', () => {
    const info = smsInfo(`${'a'.repeat(69)}😀`);
    expect(info.encoding).toBe('UCS-2');
    expect(info.segments).toBe(2);
  });

  it('refuses a text over 1,600 characters with the product’s message', () => {
    expect(smsInfo('a'.repeat(1600)).tooLong).toBe(false);
    expect(smsInfo('a'.repeat(1601)).tooLong).toBe(true);
    expect(TEXT_TOO_LONG_MESSAGE).toBe('A text message can be at most 1,600 characters.');
  });
});
