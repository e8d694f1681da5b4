import type { OptOutType } from './types.js';

// Twilio's default Advanced Opt-Out keywords: the whole message, trimmed, any case
// (https://help.twilio.com/articles/360034798533-Getting-Started-with-Advanced-Opt-Out-for-Messaging-Services).
const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const START = new Set(['START', 'UNSTOP', 'YES']);
const HELP = new Set(['HELP', 'INFO']);

/** The OptOutType Twilio adds to an incoming-message webhook, if the body is a keyword. */
export function optOutTypeOf(body: string): OptOutType | null {
  const word = body.trim().toUpperCase();
  if (STOP.has(word)) return 'STOP';
  if (START.has(word)) return 'START';
  if (HELP.has(word)) return 'HELP';
  return null;
}

/** The default replies Twilio sends back to the phone for each keyword. */
export const OPT_OUT_REPLIES: Record<OptOutType, string> = {
  STOP: 'You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe.',
  START: 'You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe. Msg&Data Rates May Apply.',
  HELP: 'Reply STOP to unsubscribe. Msg&Data Rates May Apply.',
};
