import { describe, expect, it } from 'vitest';
import { TEXTING_DISABLED_MESSAGE, UNSUBSCRIBED_MESSAGE, checkSendPolicy } from './send-policy.js';
import type { Recipient } from './send-policy.js';

const r = (number: string, consent: Recipient['consent'], textingDisabled = false): Recipient => ({ number, consent, textingDisabled });

describe('send policy', () => {
  it('uses the spec’s texts verbatim', () => {
    expect(TEXTING_DISABLED_MESSAGE).toBe(
      'Unable to send message. One or more recipient phone numbers have texting disabled. It can be re-enabled in the phone number screen.',
    );
    expect(UNSUBSCRIBED_MESSAGE).toBe(
      'Unable to send message. One or more recipient phone numbers have unsubscribed from receiving messages. Unsubscribed numbers must respond with “START”, to re-subscribe.',
    );
  });

  it.each([
    ['all opted in', [r('+1', 'opted_in'), r('+2', 'opted_in')], null, []],
    ['texting disabled wins over everything', [r('+1', 'opted_out'), r('+2', 'none', true), r('+3', 'none')], 'TEXTING_DISABLED', ['+2']],
    ['disabled even when opted in', [r('+1', 'opted_in', true)], 'TEXTING_DISABLED', ['+1']],
    ['unsubscribed before opt-in', [r('+1', 'none'), r('+2', 'opted_out')], 'UNSUBSCRIBED', ['+2']],
    ['opt-in required lists every number not opted in', [r('+1', 'none'), r('+2', 'pending'), r('+3', 'opted_in')], 'OPT_IN_REQUIRED', ['+1', '+2']],
  ])('%s', (_name, recipients, code, numbers) => {
    const v = checkSendPolicy(recipients as Recipient[]);
    if (code === null) expect(v).toEqual({ ok: true });
    else expect(v).toMatchObject({ ok: false, code, numbers });
  });
});
