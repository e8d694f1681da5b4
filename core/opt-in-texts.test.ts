import { expect, it } from 'vitest';
import { DEFAULT_TEXTS, fillText } from './opt-in-texts.js';

const values = { company: 'Acme Supply', companyPhone: '(201) 555-0100', privacyPolicyUrl: 'https://acme.example/privacy', termsUrl: 'https://acme.example/terms' };

it('fills the opt-in request with the company and the links, and it contains START', () => {
  const text = fillText(DEFAULT_TEXTS.optInRequest, values);
  expect(text).toContain('Acme Supply');
  expect(text).toContain('START');
  expect(text).toContain('https://acme.example/privacy');
  expect(text).toContain('https://acme.example/terms');
  expect(text).not.toMatch(/\{\w+\}/);
});

it('drops a short link line whose link is not set', () => {
  const text = fillText(DEFAULT_TEXTS.optInRequest, { ...values, termsUrl: null });
  expect(text).not.toContain('Terms:');
  expect(text).toContain('Privacy: https://acme.example/privacy');
});

it('the verbal script names the rates, STOP and HELP', () => {
  const text = fillText(DEFAULT_TEXTS.verbalScript, values);
  for (const part of ['Acme Supply', 'Message and data rates may apply', 'STOP', 'HELP', 'https://acme.example/privacy']) expect(text).toContain(part);
});
