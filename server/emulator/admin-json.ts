import type { EmulatorState } from './state.js';
import type { StoredMessage } from './types.js';

/**
 * A message as the phone simulator shows it: from the phone's side (`outgoing` = the phone
 * sent it), with media as admin URLs the page can show without Twilio credentials.
 */
export function phoneMessageJson(m: StoredMessage) {
  return {
    sid: m.sid,
    phone: m.phone,
    business: m.direction === 'inbound' ? m.to : (m.from ?? m.business),
    side: m.direction === 'inbound' ? ('outgoing' as const) : ('incoming' as const),
    body: m.body,
    media: m.media.map((me) => ({ sid: me.sid, contentType: me.contentType, filename: me.filename, url: `/emulator/api/media/${me.sid}` })),
    status: m.status,
    errorCode: m.errorCode,
    webhook: m.webhook,
    optOutType: m.optOutType,
    createdAt: m.dateCreated.toISOString(),
  };
}

/** What the phone's screen holds: its own sends, and outbound messages the carrier handed over. */
export function phoneView(state: EmulatorState, phone: string) {
  const messages = state
    .messages()
    .filter((m) => m.phone === phone && (m.direction === 'inbound' || m.onPhone))
    .map(phoneMessageJson);
  return { phoneNumber: phone, optedOutOf: state.optOutsOf(phone), messages };
}

export function phonesJson(state: EmulatorState) {
  return state.phones().map((phoneNumber) => ({ phoneNumber, optedOutOf: state.optOutsOf(phoneNumber) }));
}
