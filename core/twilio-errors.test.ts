import { expect, it } from 'vitest';
import { TWILIO_ERRORS, describeTwilioError } from './twilio-errors.js';

it('maps every Twilio code the product must explain', () => {
  for (const code of [20003, 20429, 21211, 21408, 21610, 21612, 21614, 21617, 30003, 30004, 30005, 30006, 30007, 30008, 30019]) {
    expect(TWILIO_ERRORS[code], String(code)).toBeDefined();
    expect(TWILIO_ERRORS[code]!.explanation.length).toBeGreaterThan(30);
  }
  expect(describeTwilioError(30006).explanation).toBe(
    'Landline or unreachable carrier — this number probably cannot receive texts; consider Disable Texting This Number.',
  );
});

it('treats rate limits and outages as transient, refusals as permanent', () => {
  expect(describeTwilioError(20429).transient).toBe(true);
  expect(describeTwilioError(undefined, 429).transient).toBe(true);
  expect(describeTwilioError(undefined, 503)).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', transient: true });
  expect(describeTwilioError(21211).transient).toBe(false);
  expect(describeTwilioError(99999, 400)).toMatchObject({ code: 'PROVIDER_ERROR', transient: false });
  expect(describeTwilioError(99999, 400).explanation).toContain('99999');
});
