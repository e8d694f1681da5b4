/**
 * Messaging keywords. A message counts as a keyword only when it is nothing but the keyword:
 * letter case, surrounding white space and surrounding punctuation ("Stop.", " start! ") are
 * ignored; a keyword inside a longer message ("please don't stop") is ordinary text.
 * The opt-out and opt-in words are the ones Twilio itself enforces
 * (https://help.twilio.com/articles/223134027), so Switchboard never believes a number is
 * reachable when Twilio will refuse it.
 */
export const OPT_OUT_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'] as const;
export const OPT_IN_KEYWORDS = ['START', 'UNSTOP'] as const;
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

export type KeywordKind = 'opt-out' | 'opt-in' | 'help';

/** The keyword a whole message amounts to, if any. */
export function classifyKeyword(body: string): KeywordKind | null {
  const word = body
    .normalize('NFKC')
    .trim()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')
    .toUpperCase();
  if (!/^[A-Z]+$/.test(word)) return null;
  if ((OPT_OUT_KEYWORDS as readonly string[]).includes(word)) return 'opt-out';
  if ((OPT_IN_KEYWORDS as readonly string[]).includes(word)) return 'opt-in';
  if ((HELP_KEYWORDS as readonly string[]).includes(word)) return 'help';
  return null;
}

/** Twilio's `OptOutType` webhook parameter (Advanced Opt-Out), mapped to ours. */
export function keywordFromOptOutType(optOutType: string | undefined): KeywordKind | null {
  switch (optOutType?.toUpperCase()) {
    case 'STOP':
      return 'opt-out';
    case 'START':
      return 'opt-in';
    case 'HELP':
      return 'help';
    default:
      return null;
  }
}
