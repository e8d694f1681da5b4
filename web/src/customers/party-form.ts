import { isPhoneContactMethod } from '../../../core/contact-methods';
import type { ContactMethodType } from '../../../core/contact-methods';
import type { Party, PartyInput, PartyKind } from '../api/types';
import type { PartyPhone } from '../conversations/StartTextDialog';
import type { FieldErrors } from '../lib/fields';
import { blankToNull } from '../lib/format';

/** One editable row of the Contact Methods table; `key` is stable across edits for React. */
export interface MethodRow {
  key: string;
  id?: number;
  type: ContactMethodType;
  value: string;
  description: string;
  /** The stored number in E.164 and the value it was stored from: the row's Contact Card. */
  phoneNumber?: string | null;
  savedValue?: string;
}

/** One editable row of the Customer Contacts table. */
export interface ContactRow {
  key: string;
  id?: number;
  name: string;
  title: string;
  phone: string;
  email: string;
}

export interface PartyFormState {
  name: string;
  companyName: string;
  methods: MethodRow[];
  contacts: ContactRow[];
}

let nextKey = 1;
export const newKey = () => `row-${nextKey++}`;

export const emptyMethod = (): MethodRow => ({ key: newKey(), type: 'Phone', value: '', description: '' });
export const emptyContact = (): ContactRow => ({ key: newKey(), name: '', title: '', phone: '', email: '' });

export function stateFromParty(p: Party | null): PartyFormState {
  if (!p) return { name: '', companyName: '', methods: [], contacts: [] };
  return {
    name: p.name,
    companyName: p.companyName ?? '',
    methods: p.contactMethods.map((m) => ({
      key: `m${m.id}`,
      id: m.id,
      type: m.type,
      value: m.value,
      description: m.description ?? '',
      phoneNumber: m.phoneNumber ?? null,
      savedValue: m.value,
    })),
    contacts: p.contacts.map((c) => ({
      key: `c${c.id}`,
      id: c.id,
      name: c.name,
      title: c.title ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
    })),
  };
}

/** Drops rows the user added and left entirely blank: they are not worth an error. */
export function withoutBlankRows(s: PartyFormState): PartyFormState {
  return {
    ...s,
    methods: s.methods.filter((m) => m.id !== undefined || m.value.trim() || m.description.trim()),
    contacts: s.contacts.filter(
      (c) => c.id !== undefined || [c.name, c.title, c.phone, c.email].some((v) => v.trim()),
    ),
  };
}

/** The checks the server also makes, so most mistakes are shown before a round trip. */
export function validate(s: PartyFormState): FieldErrors {
  const errors: FieldErrors = {};
  if (!s.name.trim()) errors.name = 'Name is required.';
  s.methods.forEach((m, i) => {
    if (!m.value.trim()) errors[`contactMethods.${i}.value`] = 'Value is required.';
  });
  s.contacts.forEach((c, i) => {
    if (!c.name.trim()) errors[`contacts.${i}.name`] = 'Name is required.';
  });
  return errors;
}

export function toInput(kind: PartyKind, s: PartyFormState): PartyInput {
  return {
    name: s.name.trim(),
    companyName: blankToNull(s.companyName),
    contactMethods: s.methods.map((m) => ({
      ...(m.id !== undefined ? { id: m.id } : {}),
      type: m.type,
      value: m.value.trim(),
      description: blankToNull(m.description),
    })),
    contacts:
      kind === 'customer'
        ? s.contacts.map((c) => ({
            ...(c.id !== undefined ? { id: c.id } : {}),
            name: c.name.trim(),
            title: blankToNull(c.title),
            phone: blankToNull(c.phone),
            email: blankToNull(c.email),
          }))
        : [],
  };
}

/** Compares what matters for "unsaved changes", ignoring the React row keys. */
export function sameState(a: PartyFormState, b: PartyFormState): boolean {
  const strip = (s: PartyFormState) =>
    JSON.stringify({
      ...s,
      methods: s.methods.map(({ key: _k, phoneNumber: _p, savedValue: _v, ...r }) => r),
      contacts: s.contacts.map(({ key: _k, ...r }) => r),
    });
  return strip(a) === strip(b);
}

/**
 * The number a Contact Methods row's contact card button opens: only Phone and Cell Phone rows
 * have one. The stored E.164 while the value is as saved, else the value as typed (any spelling).
 */
export function rowPhoneNumber(r: MethodRow): string | null {
  if (!isPhoneContactMethod(r.type) || !r.value.trim()) return null;
  if (r.phoneNumber && r.value === r.savedValue) return r.phoneNumber;
  return r.value.trim();
}

/**
 * The numbers "Add Phone Number" offers in a customer's or vendor's window: its Phone and Cell
 * Phone Contact Methods and, for a customer, its Customer Contacts' phones.
 */
export function partyPhones(p: Party): PartyPhone[] {
  const out: PartyPhone[] = [];
  for (const m of p.contactMethods) {
    if (m.phoneNumber && !out.some((o) => o.number === m.phoneNumber))
      out.push({
        number: m.phoneNumber,
        formatted: m.value,
        source: `${m.type}${m.description ? ` (${m.description})` : ''}`,
      });
  }
  for (const c of p.contacts) {
    if (c.phoneNumber && !out.some((o) => o.number === c.phoneNumber))
      out.push({
        number: c.phoneNumber,
        formatted: c.phone ?? c.phoneNumber,
        source: `${c.name}${c.title ? `, ${c.title}` : ''} — Customer Contact`,
      });
  }
  return out;
}
