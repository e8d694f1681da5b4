import { describe, expect, it } from 'vitest';
import type { Party } from '../api/types';
import {
  emptyContact,
  emptyMethod,
  partyPhones,
  rowPhoneNumber,
  sameState,
  stateFromParty,
  toInput,
  validate,
  withoutBlankRows,
} from './party-form';

const party: Party = {
  id: 7,
  kind: 'customer',
  name: 'Grace Hopper',
  companyName: null,
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
  contactMethods: [
    { id: 3, type: 'Cell Phone', value: '201-555-0131', description: null, phoneNumber: '+12015550131' },
  ],
  contacts: [{ id: 4, name: 'Wanda Bell', title: 'Buyer', phone: null, email: null, phoneNumber: null }],
};

describe('the Customer Details form', () => {
  it('saves kept rows with their ids and new rows without, blanks as null', () => {
    const s = stateFromParty(party);
    s.methods.push({ ...emptyMethod(), type: 'Email', value: ' g@example.com ' });
    const input = toInput('customer', s);
    expect(input.contactMethods).toEqual([
      { id: 3, type: 'Cell Phone', value: '201-555-0131', description: null },
      { type: 'Email', value: 'g@example.com', description: null },
    ]);
    expect(input.contacts).toEqual([{ id: 4, name: 'Wanda Bell', title: 'Buyer', phone: null, email: null }]);
    expect(input.companyName).toBeNull();
  });

  it('never sends Customer Contacts for a vendor', () => {
    expect(toInput('vendor', stateFromParty(party)).contacts).toEqual([]);
  });

  it('drops rows added and left blank, and flags half-filled ones by their index', () => {
    const s = stateFromParty(party);
    s.methods.push(emptyMethod(), { ...emptyMethod(), description: 'desk' });
    s.contacts.push(emptyContact());
    const cleaned = withoutBlankRows(s);
    expect(cleaned.methods).toHaveLength(2);
    expect(cleaned.contacts).toHaveLength(1);
    expect(validate({ ...cleaned, name: ' ' })).toEqual({
      name: 'Name is required.',
      'contactMethods.1.value': 'Value is required.',
    });
  });

  it('tells unsaved changes apart from an untouched form', () => {
    const a = stateFromParty(party);
    expect(sameState(a, stateFromParty(party))).toBe(true);
    expect(sameState(a, { ...a, name: 'Grace M. Hopper' })).toBe(false);
  });
});

describe('phone numbers of a customer', () => {
  it('gives only Phone and Cell Phone rows a contact card, by their stored number while unchanged', () => {
    const s = stateFromParty(party);
    const row = s.methods[0]!;
    expect(rowPhoneNumber(row)).toBe('+12015550131');
    expect(rowPhoneNumber({ ...row, value: '(201) 555-0199' })).toBe('(201) 555-0199');
    expect(rowPhoneNumber({ ...row, type: 'Email' })).toBeNull();
    expect(rowPhoneNumber({ ...row, type: 'Fax' })).toBeNull();
    expect(rowPhoneNumber({ ...emptyMethod(), type: 'Phone' })).toBeNull();
  });

  it('offers the Contact Methods and Customer Contacts phones for texting, once each', () => {
    const p: Party = {
      ...party,
      contactMethods: [
        ...party.contactMethods,
        { id: 5, type: 'Email', value: 'g@example.com', description: null, phoneNumber: null },
      ],
      contacts: [
        {
          id: 4,
          name: 'Wanda Bell',
          title: 'Buyer',
          phone: '201 555 0132',
          email: null,
          phoneNumber: '+12015550132',
        },
        { id: 6, name: 'Dup', title: null, phone: '201-555-0131', email: null, phoneNumber: '+12015550131' },
      ],
    };
    expect(partyPhones(p)).toEqual([
      { number: '+12015550131', formatted: '201-555-0131', source: 'Cell Phone' },
      { number: '+12015550132', formatted: '201 555 0132', source: 'Wanda Bell, Buyer — Customer Contact' },
    ]);
  });
});
