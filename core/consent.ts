/** A phone number's messaging consent, as recorded in its consent ledger. */
export type ConsentState = 'none' | 'pending' | 'opted_in' | 'opted_out';

/** What can happen to a number's consent. */
export type ConsentEvent =
  | { type: 'verbal' }
  | { type: 'text-request-sent' }
  | { type: 'start-received' }
  | { type: 'stop-received' }
  /** The number texted first: no conversation with it and no consent record (the opt-in exception). */
  | { type: 'initiated-by-phone' }
  /** Twilio refused a send with 21610, or flagged an inbound text with OptOutType=STOP. */
  | { type: 'provider-opt-out' };

export type ConsentOutcome =
  | { ok: true; state: ConsentState; changed: boolean; sendConfirmation: boolean }
  | { ok: false; reason: string };

export const CONSENT_LABELS: Record<ConsentState, string> = {
  none: 'Not opted in',
  pending: 'Opt-in requested',
  opted_in: 'Opted in',
  opted_out: 'Unsubscribed',
};

/**
 * The consent state machine. Opting in (verbal agreement or a START text) sends the confirmation;
 * an opt-out can only be undone by the number itself texting START, never by staff.
 */
export function applyConsent(state: ConsentState, event: ConsentEvent): ConsentOutcome {
  const to = (next: ConsentState, sendConfirmation = false): ConsentOutcome => ({
    ok: true,
    state: next,
    changed: next !== state,
    sendConfirmation: sendConfirmation && next !== state,
  });
  switch (event.type) {
    case 'stop-received':
    case 'provider-opt-out':
      return to('opted_out');
    case 'start-received':
      return to('opted_in', true);
    case 'verbal':
      if (state === 'opted_out') {
        return { ok: false, reason: 'This number has unsubscribed. Unsubscribed numbers must respond with “START”, to re-subscribe.' };
      }
      return to('opted_in', true);
    case 'text-request-sent':
      if (state === 'opted_out') {
        return { ok: false, reason: 'This number has unsubscribed. Unsubscribed numbers must respond with “START”, to re-subscribe.' };
      }
      return state === 'opted_in' ? to('opted_in') : to('pending');
    case 'initiated-by-phone':
      return state === 'none' ? to('opted_in') : to(state);
  }
}
