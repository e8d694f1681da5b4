import { MAX_BODY_LENGTH, MAX_MEDIA_PER_MESSAGE, reservedBehaviour } from './constants.js';
import type { EmulatorCore } from './core.js';
import { E164, all, countSegments, first, isValidDestination, newSid } from './format.js';
import { errors } from './twilio-errors.js';
import type { EmulatorAccount, EmulatorNumber, StoredMessage } from './types.js';

export type FormParams = Record<string, string | string[]>;

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The account's numbers in a Messaging Service, or the service's absence as Twilio's 21701. */
function serviceNumbers(core: EmulatorCore, account: EmulatorAccount, sid: string): EmulatorNumber[] {
  const inService = core.state.numbers.filter((n) => n.messagingServiceSid === sid && (n.accountSid ?? core.account(undefined)?.accountSid) === account.accountSid);
  if (!/^MG[0-9a-fA-F]{32}$/.test(sid) || inService.length === 0) throw errors.invalidService(sid);
  return inService;
}

/**
 * Validates a `POST …/Messages.json` in Twilio's order and stores the message as `queued`
 * (`accepted` with a Messaging Service, whose sender is picked later). Carrier progress is
 * the caller's to start. Throws TwilioApiError with Twilio's code on a refusal.
 */
export function createMessage(core: EmulatorCore, account: EmulatorAccount, params: FormParams): StoredMessage {
  const to = first(params.To)?.trim() ?? '';
  const from = first(params.From)?.trim() ?? '';
  const serviceSid = first(params.MessagingServiceSid)?.trim() ?? '';
  const body = first(params.Body) ?? '';
  const mediaUrls = all(params.MediaUrl).filter((u) => u !== '');
  const statusCallback = first(params.StatusCallback)?.trim() || null;

  if (!to) throw errors.toRequired();
  if (!from && !serviceSid) throw errors.fromRequired();
  if (!body && mediaUrls.length === 0) throw errors.bodyRequired();
  if (!isValidDestination(to)) throw errors.invalidTo(to);

  let sender: EmulatorNumber | undefined;
  if (from) {
    if (!E164.test(from)) throw errors.invalidFrom(from);
    sender = core.state.numberOf(from);
    const owner = sender?.accountSid ?? core.account(undefined)?.accountSid;
    if (!sender || owner !== account.accountSid) throw errors.fromNotOwned(from);
  }
  const pool = serviceSid ? serviceNumbers(core, account, serviceSid) : [];
  if (body.length > MAX_BODY_LENGTH) throw errors.bodyTooLong();
  if (mediaUrls.length > MAX_MEDIA_PER_MESSAGE) throw errors.tooManyMedia();
  const badMedia = mediaUrls.find((u) => !isHttpUrl(u));
  if (badMedia) throw errors.invalidMediaUrl(badMedia);
  if (statusCallback && !isHttpUrl(statusCallback)) throw errors.invalidStatusCallback(statusCallback);
  if (from && from === to) throw errors.sameToFrom();

  const reserved = reservedBehaviour(to);
  if (reserved?.kind === 'create') throw reserved.code === 21614 ? errors.notMobile(to) : errors.unsubscribed();
  const senderKey = serviceSid || (sender ? core.state.senderKey(sender) : from);
  if (core.state.isOptedOut(senderKey, to)) throw errors.unsubscribed();

  const now = core.clock.now();
  const message: StoredMessage = {
    sid: newSid(mediaUrls.length > 0 ? 'MM' : 'SM'),
    accountSid: account.accountSid,
    messagingServiceSid: serviceSid || sender?.messagingServiceSid || null,
    from: from || null,
    to,
    body,
    // Twilio accepts a Messaging Service send before choosing its sender
    // (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values).
    status: serviceSid && !from ? 'accepted' : 'queued',
    direction: 'outbound-api',
    numSegments: mediaUrls.length > 0 ? 1 : countSegments(body),
    numMedia: mediaUrls.length,
    errorCode: null,
    errorMessage: null,
    price: null,
    dateCreated: now,
    dateSent: null,
    dateUpdated: now,
    statusCallback,
    mediaUrls,
    media: [],
    phone: to,
    business: from || null,
    webhook: null,
    optOutType: null,
    onPhone: false,
  };
  if (!message.from && pool.length > 0) message.business = pool[0]!.phoneNumber;
  core.state.addMessage(message);
  return message;
}
