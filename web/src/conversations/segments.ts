import { SegmentedMessage } from 'sms-segments-calculator';
import { MAX_TEXT_LENGTH } from '../../../core/conversations';

/** What a text costs as SMS: how many segments, in which encoding, and whether it may be sent. */
export interface SmsInfo {
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  characters: number;
  /** Over Twilio's limit of 1,600 characters (error 21617): refused before sending. */
  tooLong: boolean;
}

/** The product's words when a text is over the limit. */
export const TEXT_TOO_LONG_MESSAGE = `A text message can be at most ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters.`;

/**
 * Segments and encoding as Twilio counts them: GSM-7 fits 160 characters in one segment and 153
 * in each of several; a single character outside GSM-7 (an emoji, “curly quotes”…) switches the
 * whole text to UCS-2, 70 and 67. Characters are counted like the server's limit (UTF-16 units).
 */
export function smsInfo(text: string): SmsInfo {
  const m = new SegmentedMessage(text);
  return {
    segments: text.length === 0 ? 0 : m.segmentsCount,
    encoding: m.encodingName,
    characters: text.length,
    tooLong: text.length > MAX_TEXT_LENGTH,
  };
}

/** "2 segments · GSM-7 · 180 characters". */
export function describeSms(info: SmsInfo): string {
  const n = (count: number, one: string) =>
    `${count.toLocaleString('en-US')} ${one}${count === 1 ? '' : 's'}`;
  return `${n(info.segments, 'segment')} · ${info.encoding} · ${n(info.characters, 'character')}`;
}
