import { ACCEPTED_MEDIA_TYPES, API_VERSION, MAX_BODY_LENGTH, MAX_MEDIA_BYTES, MAX_MEDIA_PER_MESSAGE } from './constants.js';
import type { Carrier } from './carrier.js';
import type { EmulatorCore } from './core.js';
import { countSegments, geoOf, isValidDestination, newSid } from './format.js';
import { mediaContentPath } from './message-json.js';
import { OPT_OUT_REPLIES, optOutTypeOf } from './opt-out.js';
import { parseTwimlReplies } from './twiml.js';
import type { EmulatorNumber, StoredMedia, StoredMessage } from './types.js';
import { sendWebhook } from './webhook-sender.js';

/** What a simulated phone sends: text and/or files (images, as a phone's MMS would carry). */
export interface PhoneSend {
  /** The business number texted; defaults to the first configured number. */
  to?: string;
  body?: string;
  media?: { contentType: string; data: Buffer; filename?: string }[];
}

/** A phone's send the emulator cannot carry (bad number, nothing to send…): a 400 on the admin API. */
export class PhoneSendError extends Error {}

function check(core: EmulatorCore, from: string, input: PhoneSend): EmulatorNumber {
  if (!isValidDestination(from)) throw new PhoneSendError(`${from} is not a valid mobile number (E.164, e.g. +12015550123).`);
  const number = input.to ? core.state.numberOf(input.to) : core.state.numbers[0];
  if (!number) throw new PhoneSendError(input.to ? `${input.to} is not one of the business numbers.` : 'No business number is configured.');
  if (number.phoneNumber === from) throw new PhoneSendError('A phone cannot text its own number.');
  const media = input.media ?? [];
  if (!input.body && media.length === 0) throw new PhoneSendError('Type a message or attach an image.');
  if ((input.body ?? '').length > MAX_BODY_LENGTH) throw new PhoneSendError(`A message is at most ${MAX_BODY_LENGTH} characters.`);
  if (media.length > MAX_MEDIA_PER_MESSAGE) throw new PhoneSendError(`At most ${MAX_MEDIA_PER_MESSAGE} attachments.`);
  const bad = media.find((m) => !ACCEPTED_MEDIA_TYPES.has(m.contentType.toLowerCase()));
  if (bad) throw new PhoneSendError(`${bad.contentType} cannot be sent by MMS.`);
  if (media.reduce((n, m) => n + m.data.length, 0) > MAX_MEDIA_BYTES) throw new PhoneSendError('Attachments are limited to 5 MB in all.');
  return number;
}

/** The incoming-message webhook's parameters, as Twilio names them (https://www.twilio.com/docs/messaging/guides/webhook-request). */
function webhookParams(core: EmulatorCore, m: StoredMessage): Record<string, string> {
  const to = geoOf(m.to);
  const from = geoOf(m.from ?? '');
  const params: Record<string, string> = {
    ToCountry: to.Country,
    ToState: to.State,
    SmsMessageSid: m.sid,
    NumMedia: String(m.numMedia),
    ToCity: to.City,
    FromZip: from.Zip,
    SmsSid: m.sid,
    FromState: from.State,
    SmsStatus: 'received',
    FromCity: from.City,
    Body: m.body,
    FromCountry: from.Country,
    To: m.to,
    ...(m.messagingServiceSid ? { MessagingServiceSid: m.messagingServiceSid } : {}),
    ToZip: to.Zip,
    NumSegments: String(m.numSegments),
    MessageSid: m.sid,
    AccountSid: m.accountSid,
    From: m.from ?? '',
    ApiVersion: API_VERSION,
  };
  m.media.forEach((me, i) => {
    params[`MediaContentType${i}`] = me.contentType;
    params[`MediaUrl${i}`] = `${core.publicUrl()}${mediaContentPath(me)}`;
  });
  if (m.optOutType) params.OptOutType = m.optOutType;
  return params;
}

/**
 * A simulated phone texts a business number: Twilio stores the message, applies Advanced
 * Opt-Out (STOP/START/HELP), POSTs the signed incoming-message webhook to the number's
 * smsUrl (the webhook reaches the app for keywords too) and sends any TwiML `<Message>` reply
 * and the opt-out confirmation back to the phone. `done` settles when all of that is over.
 */
export function receiveFromPhone(core: EmulatorCore, carrier: Carrier, from: string, input: PhoneSend): { message: StoredMessage; done: Promise<void> } {
  const number = check(core, from, input);
  const account = core.account(number.accountSid);
  if (!account) throw new PhoneSendError(`The account of ${number.phoneNumber} is not configured.`);
  const now = core.clock.now();
  const sid = newSid((input.media ?? []).length > 0 ? 'MM' : 'SM');
  const media: StoredMedia[] = (input.media ?? []).map((f) => ({
    sid: newSid('ME'),
    parentSid: sid,
    accountSid: account.accountSid,
    contentType: f.contentType.toLowerCase(),
    bytes: f.data,
    filename: f.filename ?? null,
    dateCreated: now,
  }));
  const body = input.body ?? '';
  const optOutType = optOutTypeOf(body);
  const message: StoredMessage = {
    sid, accountSid: account.accountSid, messagingServiceSid: number.messagingServiceSid ?? null,
    from, to: number.phoneNumber, body, status: 'received', direction: 'inbound',
    numSegments: countSegments(body), numMedia: media.length, errorCode: null, errorMessage: null,
    price: null, dateCreated: now, dateSent: now, dateUpdated: now, statusCallback: null,
    mediaUrls: [], media, phone: from, business: number.phoneNumber,
    webhook: number.smsUrl ? 'pending' : 'no-webhook', optOutType, onPhone: true,
  };
  const senderKey = core.state.senderKey(number);
  if (optOutType === 'STOP') core.state.setOptedOut(senderKey, from, true);
  if (optOutType === 'START') core.state.setOptedOut(senderKey, from, false);
  core.state.addMessage(message);

  const reply = (text: string, confirmation = false) => {
    // Twilio blocks replies to a phone that opted out, except its own opt-out confirmations.
    if (!confirmation && core.state.isOptedOut(senderKey, from)) return;
    const at = core.clock.now();
    const r: StoredMessage = {
      ...message, sid: newSid('SM'), from: number.phoneNumber, to: from, body: text, status: 'queued',
      direction: 'outbound-reply', numSegments: countSegments(text), numMedia: 0, media: [],
      dateCreated: at, dateSent: null, dateUpdated: at, webhook: null, optOutType: null, onPhone: false,
    };
    core.state.addMessage(r);
    carrier.dispatch(r);
  };
  const done = core.run(async () => {
    if (number.smsUrl) {
      const { delivery, response } = await sendWebhook(core, {
        kind: 'incoming-message', messageSid: sid, url: number.smsUrl, params: webhookParams(core, message), authToken: account.authToken,
      });
      core.state.update(message, { webhook: delivery.outcome === 'delivered' ? 'delivered' : 'failed' });
      if (delivery.outcome === 'delivered' && response) for (const text of parseTwimlReplies(response.body)) reply(text);
    }
    if (optOutType) reply(OPT_OUT_REPLIES[optOutType], true);
  });
  return { message, done };
}
