import { describe, expect, it } from 'vitest';
import type { Message } from '../api/types';
import {
  forParty,
  inputForChoice,
  kindForSide,
  menuIndexAfter,
  nextStep,
  offersTransaction,
  transactionPath,
  typeLabel,
} from './create-transaction';

const message: Message = {
  id: 7,
  conversationId: 1,
  kind: 'user',
  body: 'Please send 40 boxes.',
  author: null,
  createdAt: '2026-12-04T00:00:00Z',
  direction: 'inbound',
  phoneNumber: '+12015550123',
  deliveries: [],
  held: false,
  attachments: [],
  transaction: null,
};

describe('Create Transaction on a message', () => {
  it('is offered on a shown, sent user message without a transaction', () => {
    expect(offersTransaction(message)).toBe(true);
    expect(offersTransaction({ ...message, direction: 'internal' })).toBe(true);
    // Older answers without the field count as "none".
    const { transaction: _, ...old } = message;
    expect(offersTransaction(old as Message)).toBe(true);
  });

  it('is not offered on system, deleted, held or already associated messages', () => {
    expect(offersTransaction({ ...message, kind: 'system' })).toBe(false);
    expect(offersTransaction({ ...message, deleted: { by: 'Avery', at: '2026-12-04T01:00:00Z' } })).toBe(
      false,
    );
    expect(offersTransaction({ ...message, direction: 'outbound', held: true })).toBe(false);
    expect(
      offersTransaction({
        ...message,
        transaction: { id: 3, transactionId: 'SO-10002', type: 'sales_order' },
      }),
    ).toBe(false);
  });

  it('links the chip to the transaction window', () => {
    expect(transactionPath({ id: 3 })).toBe('/transactions/3');
  });

  it('names types and the party of each side', () => {
    expect(typeLabel('sales_order')).toBe('Sales Order');
    expect(typeLabel('purchase_order')).toBe('Purchase Order');
    expect(kindForSide('AR')).toBe('customer');
    expect(kindForSide('AP')).toBe('vendor');
  });
});

describe('choosing a type', () => {
  const ada = { kind: 'customer' as const, id: 1, name: 'Ada' };
  const bob = { kind: 'customer' as const, id: 2, name: 'Bob' };

  it('creates at once for the one connected party, asks among several, picks when none', () => {
    expect(nextStep({ parties: [ada] })).toEqual({ step: 'create', party: ada });
    expect(nextStep({ parties: [ada, bob] })).toEqual({ step: 'choose', parties: [ada, bob] });
    expect(nextStep({ parties: [] })).toEqual({ step: 'pick' });
  });

  it('sends customerId for A/R and vendorId for A/P', () => {
    expect(forParty('sales_order', 'customer', 5)).toEqual({ type: 'sales_order', customerId: 5 });
    expect(forParty('vendor_bill', 'vendor', 9)).toEqual({ type: 'vendor_bill', vendorId: 9 });
  });

  it('turns the dialog choice into the body, or says what is missing', () => {
    expect(inputForChoice('sales_order', 'customer', { mode: 'existing', partyId: 4 })).toEqual({
      input: { type: 'sales_order', customerId: 4 },
    });
    expect(inputForChoice('sales_order', 'customer', { mode: 'existing', partyId: null })).toEqual({
      error: 'Choose the customer for this Sales Order.',
    });
    expect(inputForChoice('purchase_order', 'vendor', { mode: 'new', name: '  Acme Supply ' })).toEqual({
      input: { type: 'purchase_order', newParty: { name: 'Acme Supply' } },
    });
    expect(inputForChoice('purchase_order', 'vendor', { mode: 'new', name: '  ' })).toEqual({
      error: 'Enter the name of the new vendor.',
    });
  });
});

describe('menu keys', () => {
  it('moves down and up with wrap-around, jumps with Home and End', () => {
    expect(menuIndexAfter('ArrowDown', 0, 3)).toBe(1);
    expect(menuIndexAfter('ArrowDown', 2, 3)).toBe(0);
    expect(menuIndexAfter('ArrowDown', -1, 3)).toBe(0);
    expect(menuIndexAfter('ArrowUp', 0, 3)).toBe(2);
    expect(menuIndexAfter('ArrowUp', -1, 3)).toBe(2);
    expect(menuIndexAfter('Home', 2, 3)).toBe(0);
    expect(menuIndexAfter('End', 0, 3)).toBe(2);
  });

  it('ignores other keys and an empty menu', () => {
    expect(menuIndexAfter('a', 0, 3)).toBeNull();
    expect(menuIndexAfter('ArrowDown', -1, 0)).toBeNull();
  });
});
