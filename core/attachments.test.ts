import { expect, it } from 'vitest';
import { deliveryFor, planMessages } from './attachments.js';

it('plans N+1 messages, text first, attachments in the order shown; attachments only make N', () => {
  expect(planMessages('Here you go', ['a.pdf', 'b.jpg'])).toEqual([
    { kind: 'text', body: 'Here you go' },
    { kind: 'attachment', attachment: 'a.pdf' },
    { kind: 'attachment', attachment: 'b.jpg' },
  ]);
  expect(planMessages('  ', ['a.pdf', 'b.jpg']).map((m) => m.kind)).toEqual(['attachment', 'attachment']);
  expect(planMessages('just text', [])).toEqual([{ kind: 'text', body: 'just text' }]);
});

it.each([
  ['image/jpeg', 'mms-image'],
  ['image/png', 'mms-image'],
  ['image/gif', 'mms-image'],
  ['image/heic', 'convert-to-jpeg'],
  ['image/webp', 'convert-to-jpeg'],
  ['image/tiff', 'convert-to-jpeg'],
  ['image/bmp', 'convert-to-jpeg'],
  ['application/pdf', 'download-link'],
  ['application/zip', 'download-link'],
  ['image/svg+xml', 'download-link'],
])('texts %s as %s', (type, delivery) => {
  expect(deliveryFor(type)).toBe(delivery);
});
