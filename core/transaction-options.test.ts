import { expect, it } from 'vitest';
import { connectionOf, transactionTypeGroups } from './transactions.js';

const shape = (c: Parameters<typeof transactionTypeGroups>[0]) => transactionTypeGroups(c).map((g) => [g.label, g.types.map((t) => t.label)]);

it('offers every type to a number connected to nobody, and only its side once connected', () => {
  const ar = ['Customer (A/R)', ['Quote', 'Sales Order', 'Invoice']];
  const ap = ['Vendor (A/P)', ['Purchase Order', 'Vendor Bill']];
  expect(shape('none')).toEqual([ar, ap]);
  expect(shape('customer')).toEqual([ar]);
  expect(shape('vendor')).toEqual([ap]);
  expect(shape('both')).toEqual([ar, ap]);
});

it('tells the connection from how many customers and vendors a number belongs to', () => {
  expect([connectionOf(0, 0), connectionOf(2, 0), connectionOf(0, 1), connectionOf(1, 3)]).toEqual(['none', 'customer', 'vendor', 'both']);
});
