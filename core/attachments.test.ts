import { expect, it } from 'vitest';
import { deliveryFor, downloadLinkText, downloadName, formatBytes, misleadingName, planMessages } from './attachments.js';

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

it.each([
  [0, '0 bytes'],
  [1, '1 byte'],
  [1023, '1,023 bytes'],
  [1024, '1 KB'],
  [186_368, '182 KB'],
  [5 * 1024 * 1024, '5 MB'],
  [9.1 * 1024 * 1024, '9.1 MB'],
  [25 * 1024 * 1024, '25 MB'],
])('formats %i bytes as %s', (n, text) => {
  expect(formatBytes(n)).toBe(text);
});

it('puts the file name, size and link in the text that carries a file', () => {
  expect(downloadLinkText('invoice.pdf', 186_368, 'https://sb.example.com/files/d/abc')).toBe(
    'invoice.pdf (182 KB), download within 14 days: https://sb.example.com/files/d/abc',
  );
});

it.each([
  ['photo.jpg', 'image/jpeg', 'photo.jpg', null],
  ['IMG_1.JPEG', 'image/jpeg', 'IMG_1.JPEG', null],
  ['notes.jpg', 'text/plain', 'notes.jpg.txt', 'image/jpeg'],
  ['invoice.png', 'application/pdf', 'invoice.png.pdf', 'image/png'],
  ['README', 'text/plain', 'README', null],
  ['data.bin', 'application/octet-stream', 'data.bin', null],
  ['archive.weird', 'application/zip', 'archive.weird.zip', null],
])('saves %s (%s) as %s', (name, type, saved, claimed) => {
  expect(downloadName(name, type)).toBe(saved);
  expect(misleadingName(name, type)).toBe(claimed);
});
