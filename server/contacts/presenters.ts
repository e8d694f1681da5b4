import { z } from 'zod';
import { CONSENT_LABELS } from '../../core/consent.js';
import { formatPhone } from '../../core/phone-numbers.js';
import type { ConsentEventRow, PhoneContactRow } from './phone-contacts.table.js';

const consentState = z.enum(['none', 'pending', 'opted_in', 'opted_out']);

export const consentEventOut = z.object({
  id: z.number(),
  event: z.string(),
  stateAfter: consentState,
  method: z.string(),
  user: z.object({ id: z.number(), name: z.string() }).nullable(),
  inboundMessageId: z.number().nullable(),
  text: z.string().nullable(),
  createdAt: z.string(),
});

export const contactCardOut = z.object({
  phoneNumber: z.string(),
  /** The number formatted for display (national at home, international abroad). */
  formatted: z.string(),
  /** How the number shows in conversations: Label, else Name, else the formatted number. */
  displayLabel: z.string(),
  name: z.string().nullable(),
  companyName: z.string().nullable(),
  label: z.string().nullable(),
  notes: z.string().nullable(),
  textingDisabled: z.boolean(),
  consent: z.object({ state: consentState, label: z.string(), at: z.string().nullable() }),
  /** Whether details are stored for this number yet. */
  saved: z.boolean(),
  /** Customers and vendors whose Contact Methods (or Customer Contacts) hold the number. */
  links: z.array(z.object({ kind: z.enum(['customer', 'vendor']), id: z.number(), name: z.string(), via: z.string() })),
});
export type ContactCardOut = z.infer<typeof contactCardOut>;

/** The display label of a number: the card's Label, else its Name, else the formatted number. */
export function displayLabel(number: string, card: Pick<PhoneContactRow, 'label' | 'name'> | undefined, region: string): string {
  return card?.label || card?.name || formatPhone(number, region);
}

export function presentContactCard(
  number: string,
  card: PhoneContactRow | undefined,
  region: string,
  links: ContactCardOut['links'],
): ContactCardOut {
  const state = card?.consent_state ?? 'none';
  return {
    phoneNumber: number,
    formatted: formatPhone(number, region),
    displayLabel: displayLabel(number, card, region),
    name: card?.name ?? null,
    companyName: card?.company_name ?? null,
    label: card?.label ?? null,
    notes: card?.notes ?? null,
    textingDisabled: card?.texting_disabled === 1,
    consent: { state, label: CONSENT_LABELS[state], at: card?.consent_at ?? null },
    saved: Boolean(card && (card.name || card.company_name || card.label || card.notes)),
    links,
  };
}

export function presentConsentEvent(e: ConsentEventRow, userName: string | null) {
  return {
    id: e.id,
    event: e.event,
    stateAfter: e.state_after,
    method: e.method,
    user: e.user_id !== null && userName !== null ? { id: e.user_id, name: userName } : null,
    inboundMessageId: e.inbound_message_id,
    text: e.text,
    createdAt: e.created_at,
  };
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // Quote always; neutralise spreadsheet formulas (a cell starting with = + - @).
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`;
};

/** A number's consent ledger as CSV (RFC 4180 line ends), for evidence outside Switchboard. */
export function presentConsentCsv(number: string, rows: ReturnType<typeof presentConsentEvent>[]): string {
  const lines = [
    ['Time (UTC)', 'Phone number', 'Event', 'State after', 'Method', 'By user', 'Inbound message', 'Text'].map(csvCell).join(','),
    ...rows.map((r) => [r.createdAt, number, r.event, r.stateAfter, r.method, r.user?.name ?? null, r.inboundMessageId, r.text].map(csvCell).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
