import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import type { ApiClient } from '../../test/harness.js';

describeEachDatabase('transactions API', (h) => {
  const customer = async (api: ApiClient, name: string) => (await api.post('/api/customers', { name })).body.id as number;
  const vendor = async (api: ApiClient, name: string) => (await api.post('/api/vendors', { name })).body.id as number;

  it('lists the transaction types with labels, prefixes and ledger sides', async () => {
    const alice = await h().signIn('alice');
    const res = await alice.get('/api/transaction-types');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { type: 'quote', label: 'Quote', prefix: 'QT', side: 'AR', partyKind: 'customer' },
      { type: 'sales_order', label: 'Sales Order', prefix: 'SO', side: 'AR', partyKind: 'customer' },
      { type: 'invoice', label: 'Invoice', prefix: 'INV', side: 'AR', partyKind: 'customer' },
      { type: 'purchase_order', label: 'Purchase Order', prefix: 'PO', side: 'AP', partyKind: 'vendor' },
      { type: 'vendor_bill', label: 'Vendor Bill', prefix: 'VB', side: 'AP', partyKind: 'vendor' },
    ]);
  });

  it('creates a sales order with the first SO number, reads it back, and numbers the next one after it', async () => {
    const alice = await h().signIn('alice');
    const acme = await customer(alice, 'Acme Rockets');
    const res = await alice.post('/api/transactions', {
      type: 'sales_order', customerId: acme, date: '2026-05-20', totalCents: 123456, memo: '  rush order  ',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      transactionId: 'SO-10001',
      type: 'sales_order',
      typeLabel: 'Sales Order',
      side: 'AR',
      party: { kind: 'customer', id: acme, name: 'Acme Rockets' },
      status: 'open',
      date: '2026-05-20',
      totalCents: 123456,
      memo: 'rush order',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect((await alice.get(`/api/transactions/${res.body.id}`)).body).toEqual(res.body);
    const next = await alice.post('/api/transactions', { type: 'sales_order', customerId: acme });
    expect(next.body.transactionId).toBe('SO-10002');
    // Each type has its own sequence.
    const quote = await alice.post('/api/transactions', { type: 'quote', customerId: acme });
    expect(quote.body.transactionId).toBe('QT-10001');
  });

  it('creates purchase orders and vendor bills against vendors', async () => {
    const alice = await h().signIn('alice');
    const supplier = await vendor(alice, 'Bolt Supply');
    const po = await alice.post('/api/transactions', { type: 'purchase_order', vendorId: supplier, totalCents: 5000 });
    expect(po.status).toBe(201);
    expect(po.body).toMatchObject({ transactionId: 'PO-10001', side: 'AP', typeLabel: 'Purchase Order', party: { kind: 'vendor', id: supplier, name: 'Bolt Supply' } });
    const bill = await alice.post('/api/transactions', { type: 'vendor_bill', vendorId: supplier, customerId: null });
    expect(bill.body).toMatchObject({ transactionId: 'VB-10001', memo: '', totalCents: 0, status: 'open' });
  });

  it('dates a transaction today in the company time zone, not in UTC', async () => {
    // 02:30 UTC on 2 June is still 1 June in New York (the default zone).
    h().clock.set('2026-06-02T02:30:00.000Z');
    const alice = await h().signIn('alice');
    const acme = await customer(alice, 'Late Night Co');
    const res = await alice.post('/api/transactions', { type: 'sales_order', customerId: acme });
    expect(res.body.date).toBe('2026-06-01');
  });

  it('requires a customer for A/R types and a vendor for A/P types, naming the field', async () => {
    const alice = await h().signIn('alice');
    const acme = await customer(alice, 'Rules Customer');
    const supplier = await vendor(alice, 'Rules Vendor');
    const fieldsOf = (res: { body: any }) => res.body.error.details.fields.map((f: { field: string }) => f.field);

    const noCustomer = await alice.post('/api/transactions', { type: 'invoice' });
    expect(noCustomer.status).toBe(400);
    expect(noCustomer.body.error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(noCustomer)).toEqual(['body.customerId']);
    expect(noCustomer.body.error.message).toContain('belongs to a customer');

    const vendorOnInvoice = await alice.post('/api/transactions', { type: 'invoice', vendorId: supplier });
    expect(fieldsOf(vendorOnInvoice)).toEqual(['body.customerId', 'body.vendorId']);

    const customerOnBill = await alice.post('/api/transactions', { type: 'vendor_bill', customerId: acme });
    expect(customerOnBill.status).toBe(400);
    expect(fieldsOf(customerOnBill)).toEqual(['body.vendorId', 'body.customerId']);
    expect(customerOnBill.body.error.message).toContain('belongs to a vendor');

    const both = await alice.post('/api/transactions', { type: 'purchase_order', vendorId: supplier, customerId: acme });
    expect(fieldsOf(both)).toEqual(['body.customerId']);
  });

  it('rejects an unknown party with NOT_FOUND and uses up no number', async () => {
    const alice = await h().signIn('alice');
    const missing = await alice.post('/api/transactions', { type: 'purchase_order', vendorId: 999999 });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Vendor was not found.' });
    const missingCustomer = await alice.post('/api/transactions', { type: 'quote', customerId: 999999 });
    expect(missingCustomer.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Customer was not found.' });
    const supplier = await vendor(alice, 'After Missing');
    const po = await alice.post('/api/transactions', { type: 'purchase_order', vendorId: supplier });
    expect(po.body.transactionId).toBe('PO-10002');
  });

  it('rejects invalid fields by name', async () => {
    const alice = await h().signIn('alice');
    const res = await alice.post('/api/transactions', { type: 'credit_memo', date: '2026-02-30', totalCents: 1.5, status: 'paid' });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.type', 'body.date', 'body.totalCents', 'body.status']));
    const badDate = await alice.post('/api/transactions', { type: 'quote', customerId: 1, date: '05/20/2026' });
    expect(badDate.body.error.message).toContain('body.date must be a date as YYYY-MM-DD');
    const badQuery = await alice.get('/api/transactions?type=nope');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.details.fields[0].field).toBe('querystring.type');
  });

  it('gives concurrent creates distinct Transaction IDs, even for the first of a type', async () => {
    const alice = await h().signIn('alice');
    const acme = await customer(alice, 'Concurrent Co');
    // No other test creates an invoice, so the counter row does not exist yet: the creates
    // race on inserting it as well as on incrementing it.
    const results = await Promise.all(
      Array.from({ length: 8 }, () => alice.post('/api/transactions', { type: 'invoice', customerId: acme })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    const ids = results.map((r) => r.body.transactionId as string);
    expect(new Set(ids).size).toBe(8);
    const [a, b] = await Promise.all([
      alice.post('/api/transactions', { type: 'invoice', customerId: acme }),
      alice.post('/api/transactions', { type: 'invoice', customerId: acme }),
    ]);
    expect(a.body.transactionId).not.toBe(b.body.transactionId);
    // Numbers run from the first without gaps or repeats.
    const all = [...ids, a.body.transactionId, b.body.transactionId].sort();
    expect(all).toEqual(Array.from({ length: 10 }, (_, i) => `INV-${10001 + i}`));
  });

  it('edits status, date, total and memo but keeps type and party fixed', async () => {
    const alice = await h().signIn('alice');
    const acme = await customer(alice, 'Editable Co');
    const other = await customer(alice, 'Other Co');
    const created = (await alice.post('/api/transactions', { type: 'quote', customerId: acme, memo: 'draft' })).body;
    h().clock.advance(1000);
    const res = await alice.put(`/api/transactions/${created.id}`, {
      status: 'closed', date: '2026-07-04', totalCents: 999, memo: '', type: 'quote', customerId: acme,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ transactionId: created.transactionId, status: 'closed', date: '2026-07-04', totalCents: 999, memo: '' });
    expect(res.body.updatedAt > created.updatedAt).toBe(true);
    expect(res.body.createdAt).toBe(created.createdAt);

    const retype = await alice.put(`/api/transactions/${created.id}`, { status: 'open', date: '2026-07-04', totalCents: 0, type: 'invoice', customerId: other });
    expect(retype.status).toBe(400);
    expect(retype.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['body.type', 'body.customerId']);
    const vendorised = await alice.put(`/api/transactions/${created.id}`, { status: 'open', date: '2026-07-04', totalCents: 0, vendorId: 1 });
    expect(vendorised.body.error.details.fields[0].field).toBe('body.vendorId');
    expect((await alice.get(`/api/transactions/${created.id}`)).body).toEqual(res.body);

    const missingFields = await alice.put(`/api/transactions/${created.id}`, { memo: 'x' });
    expect(missingFields.status).toBe(400);
    expect(missingFields.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['body.status', 'body.date', 'body.totalCents']),
    );
  });

  it('answers NOT_FOUND for an unknown transaction on read and edit', async () => {
    const alice = await h().signIn('alice');
    const got = await alice.get('/api/transactions/999999');
    expect(got.status).toBe(404);
    expect(got.body.error).toEqual({ code: 'NOT_FOUND', message: 'Transaction was not found.' });
    const put = await alice.put('/api/transactions/999999', { status: 'open', date: '2026-01-01', totalCents: 0 });
    expect(put.status).toBe(404);
  });

  it('lists newest first and searches Transaction ID, memo and party name, filtering by type and party', async () => {
    const alice = await h().signIn('alice');
    const zeta = await customer(alice, 'Zeta Searchable');
    const omega = await vendor(alice, 'Omega Parts 100%');
    const old = (await alice.post('/api/transactions', { type: 'quote', customerId: zeta, date: '2020-01-01', memo: 'needle in memo' })).body;
    const mid = (await alice.post('/api/transactions', { type: 'sales_order', customerId: zeta, date: '2020-01-02' })).body;
    const recent = (await alice.post('/api/transactions', { type: 'purchase_order', vendorId: omega, date: '2020-01-03' })).body;
    const sameDay = (await alice.post('/api/transactions', { type: 'vendor_bill', vendorId: omega, date: '2020-01-03' })).body;

    const byParty = await alice.get('/api/transactions?q=zeta%20search');
    expect(byParty.body.items.map((t: { id: number }) => t.id)).toEqual([mid.id, old.id]);
    const byMemo = await alice.get('/api/transactions?q=NEEDLE');
    expect(byMemo.body.items.map((t: { id: number }) => t.id)).toEqual([old.id]);
    const byNumber = await alice.get(`/api/transactions?q=${recent.transactionId}`);
    expect(byNumber.body.items.map((t: { id: number }) => t.id)).toEqual([recent.id]);
    const byWildcard = await alice.get('/api/transactions?q=' + encodeURIComponent('100%'));
    expect(byWildcard.body.items.map((t: { id: number }) => t.id)).toEqual([sameDay.id, recent.id]);

    const byVendor = await alice.get(`/api/transactions?vendorId=${omega}`);
    expect(byVendor.body.items.map((t: { id: number }) => t.id)).toEqual([sameDay.id, recent.id]);
    const byCustomerAndType = await alice.get(`/api/transactions?customerId=${zeta}&type=quote`);
    expect(byCustomerAndType.body.items.map((t: { id: number }) => t.id)).toEqual([old.id]);

    const page = await alice.get(`/api/transactions?vendorId=${omega}&limit=1`);
    expect(page.body).toMatchObject({ hasMore: true, items: [{ id: sameDay.id }] });
    const page2 = await alice.get(`/api/transactions?vendorId=${omega}&limit=1&offset=1`);
    expect(page2.body).toMatchObject({ hasMore: false, items: [{ id: recent.id }] });

    const all = (await alice.get('/api/transactions?limit=200')).body.items as { date: string }[];
    expect(all.map((t) => t.date)).toEqual([...all.map((t) => t.date)].sort().reverse());
  });
});
