import { expect, it } from 'vitest';
import { expandTemplate, placeholdersOf, templateProblem } from './link-templates.js';

it('finds the placeholders a template uses', () => {
  expect(placeholdersOf('https://pay.example.com/{customerId}/{transactionId}?c={customerId}')).toEqual(['customerId', 'transactionId']);
  expect(placeholdersOf('https://example.com/track')).toEqual([]);
});

it.each([
  ['https://track.example.com/{transactionId}', null],
  ['http://pay.example.com/?v={vendorId}&c={customerId}', null],
  ['https://example.com/{orderNumber}', 'uses {orderNumber}, which is not a placeholder (use {transactionId}, {customerId}, {vendorId})'],
  ['ftp://example.com/{transactionId}', 'must be an http:// or https:// URL'],
  ['track {transactionId}', 'must be an http:// or https:// URL'],
  ['javascript:alert({transactionId})', 'must be an http:// or https:// URL'],
])('checks the template %s', (template, problem) => {
  expect(templateProblem(template)).toBe(problem);
});

it('fills placeholders, URL-encoded', () => {
  expect(expandTemplate('https://track.example.com/{transactionId}?c={customerId}', { transactionId: 'SO-10001', customerId: '7' })).toEqual({
    ok: true,
    url: 'https://track.example.com/SO-10001?c=7',
  });
  expect(expandTemplate('https://x.example.com/{transactionId}', { transactionId: 'A&B/1' })).toEqual({ ok: true, url: 'https://x.example.com/A%26B%2F1' });
  expect(expandTemplate('https://example.com/help', {})).toEqual({ ok: true, url: 'https://example.com/help' });
});

it('says why a link cannot be filled', () => {
  expect(expandTemplate('https://pay.example.com/{vendorId}', { transactionId: 'SO-1' })).toEqual({ ok: false, reason: 'This conversation is not linked to a vendor.' });
  expect(expandTemplate('https://t.example.com/{transactionId}', { transactionId: { unavailable: 'This conversation is linked to several transactions (SO-1, SO-2).' } })).toEqual({
    ok: false,
    reason: 'This conversation is linked to several transactions (SO-1, SO-2).',
  });
});
