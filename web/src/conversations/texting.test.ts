import { describe, expect, it } from 'vitest';
import type { Delivery, Message, PhoneEndpoint } from '../api/types';
import { deliveryProblem, deliveryStatusLabel, deliveryTone, phoneLabel, senderName } from './texting';

const phones: PhoneEndpoint[] = [
  {
    number: '+12015550123',
    label: '(201) 555-0123',
    formatted: '(201) 555-0123',
    consent: 'none',
    textingDisabled: false,
  },
];

const d = (extra: Partial<Delivery>): Delivery => ({
  id: 1,
  messageId: 1,
  to: '+12015550181',
  status: 'queued',
  errorCode: null,
  errorReason: null,
  errorMessage: null,
  attempts: 0,
  updatedAt: '2026-12-04T00:00:00Z',
  ...extra,
});

describe('delivery states', () => {
  it('names each status with a capitalised word and a tone', () => {
    expect(deliveryStatusLabel('delivered')).toBe('Delivered');
    expect(deliveryStatusLabel('undelivered')).toBe('Undelivered');
    expect(deliveryTone('queued')).toBe('pending');
    expect(deliveryTone('sending')).toBe('pending');
    expect(deliveryTone('failed')).toBe('failed');
    expect(deliveryTone('undelivered')).toBe('failed');
  });

  it("explains a failure with the server's plain-English message and Twilio's code", () => {
    const explanation = 'Landline or unreachable carrier — this number probably cannot receive texts.';
    expect(
      deliveryProblem(
        d({
          status: 'undelivered',
          errorCode: 30006,
          errorReason: 'LANDLINE_OR_UNREACHABLE',
          errorMessage: explanation,
        }),
      ),
    ).toBe(`${explanation} (error 30006)`);
    expect(deliveryProblem(d({ status: 'failed' }))).toBe('The text could not be delivered.');
    expect(deliveryProblem(d({ status: 'delivered' }))).toBeNull();
  });

  it('says why a queued text is being retried', () => {
    expect(
      deliveryProblem(d({ status: 'queued', attempts: 2, errorCode: 20429, errorMessage: 'Slow down.' })),
    ).toBe('Attempt 2 did not go through (error 20429): Slow down.');
    expect(deliveryProblem(d({ status: 'queued' }))).toBeNull();
  });
});

describe('phone labels', () => {
  it("uses the conversation's label for a number, else the number", () => {
    expect(phoneLabel(phones, '+12015550123')).toBe('(201) 555-0123');
    expect(phoneLabel(phones, '+12015550199')).toBe('+12015550199');
  });

  it('attributes an inbound text to the phone and anything else to its author', () => {
    const base: Message = {
      id: 1,
      conversationId: 1,
      kind: 'user',
      body: 'hi',
      author: null,
      createdAt: '2026-12-04T00:00:00Z',
      direction: 'inbound',
      phoneNumber: '+12015550123',
      deliveries: [],
      held: false,
      attachments: [],
    };
    expect(senderName(base, phones)).toBe('(201) 555-0123');
    expect(senderName({ ...base, direction: 'outbound', author: { id: 1, name: 'Avery' } }, phones)).toBe(
      'Avery',
    );
    expect(senderName({ ...base, direction: 'outbound' }, phones)).toBe('Automatic text');
  });
});
