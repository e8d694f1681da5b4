import { describe, expect, it } from 'vitest';
import { classifyKeyword, keywordFromOptOutType } from './keywords.js';

describe('keyword detection', () => {
  it.each([
    ['STOP', 'opt-out'],
    ['stop', 'opt-out'],
    ['  Stop  ', 'opt-out'],
    ['Stop.', 'opt-out'],
    ['STOP!!', 'opt-out'],
    ['"stop"', 'opt-out'],
    ['\nstop\t', 'opt-out'],
    ['StopAll', 'opt-out'],
    ['unsubscribe', 'opt-out'],
    ['Cancel', 'opt-out'],
    ['end', 'opt-out'],
    ['QUIT', 'opt-out'],
    ['revoke', 'opt-out'],
    ['optout', 'opt-out'],
    ['START', 'opt-in'],
    ['start', 'opt-in'],
    [' Start! ', 'opt-in'],
    ['unstop', 'opt-in'],
    ['HELP', 'help'],
    ['help?', 'help'],
    ['Info', 'help'],
    ['ＳＴＯＰ', 'opt-out'],
  ])('%j is %s', (body, kind) => {
    expect(classifyKeyword(body)).toBe(kind);
  });

  it.each([
    'please stop texting me',
    "don't stop",
    'stop it',
    'STOP STOP',
    'start the order',
    'I need help',
    'stopp',
    'st op',
    'starting',
    '',
    '   ',
    '🛑',
    'stop2',
  ])('%j is ordinary text', (body) => {
    expect(classifyKeyword(body)).toBeNull();
  });

  it('reads Twilio’s OptOutType parameter', () => {
    expect(keywordFromOptOutType('STOP')).toBe('opt-out');
    expect(keywordFromOptOutType('START')).toBe('opt-in');
    expect(keywordFromOptOutType('HELP')).toBe('help');
    expect(keywordFromOptOutType(undefined)).toBeNull();
    expect(keywordFromOptOutType('OTHER')).toBeNull();
  });
});
