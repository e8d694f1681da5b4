import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';

describeEachDatabase('Contact Cards', (h) => {
  it('keeps exactly one card per number, whatever spelling reaches it', async () => {
    const alice = await h().signIn('alice');
    const empty = await alice.get('/api/phone-contacts/(201)%20555-0170');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ phoneNumber: '+12015550170', formatted: '(201) 555-0170', displayLabel: '(201) 555-0170', saved: false, consent: { state: 'none' } });
    await alice.put('/api/phone-contacts/201.555.0170', { name: 'Lena Park', companyName: 'Park Landscaping', label: null, notes: 'prefers texts', textingDisabled: false });
    const again = await alice.get(`/api/phone-contacts/${encodeURIComponent('+12015550170')}`);
    expect(again.body).toMatchObject({ name: 'Lena Park', companyName: 'Park Landscaping', displayLabel: 'Lena Park', notes: 'prefers texts', saved: true });
    await alice.put('/api/phone-contacts/2015550170', { name: 'Lena Park', companyName: 'Park Landscaping', label: 'Lena (Park Landscaping)', notes: null, textingDisabled: false });
    expect((await alice.get('/api/phone-contacts/2015550170')).body.displayLabel).toBe('Lena (Park Landscaping)');
    const rows = await h().running.services.db.selectFrom('phone_contacts').select('id').where('phone_number', '=', '+12015550170').execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a number that is not valid, naming it', async () => {
    const alice = await h().signIn('alice');
    const res = await alice.get('/api/phone-contacts/12345');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_PHONE_NUMBER');
    expect(res.body.error.message).toContain('12345');
  });

  it('records Disable Texting This Number in the consent ledger, exportable as CSV', async () => {
    const alice = await h().signIn('alice');
    const off = await alice.put('/api/phone-contacts/2015550171', { name: null, companyName: null, label: null, notes: null, textingDisabled: true });
    expect(off.body.textingDisabled).toBe(true);
    await alice.put('/api/phone-contacts/2015550171', { name: null, companyName: null, label: null, notes: null, textingDisabled: true });
    await alice.put('/api/phone-contacts/2015550171', { name: null, companyName: null, label: null, notes: null, textingDisabled: false });
    const card = await alice.get('/api/phone-contacts/2015550171');
    expect(card.body.history.map((e: { event: string; method: string; user: { name: string } }) => [e.event, e.method, e.user.name])).toEqual([
      ['texting_disabled', 'staff', 'Alice'],
      ['texting_enabled', 'staff', 'Alice'],
    ]);
    const csv = await alice.get('/api/phone-contacts/2015550171/consent.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines[0]).toBe('"Time (UTC)","Phone number","Event","State after","Method","By user","Inbound message","Text"');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"texting_disabled"');
  });

  it('adds the number to an existing customer, or creates a vendor with it, and the card shows both links', async () => {
    const alice = await h().signIn('alice');
    const customer = (await alice.post('/api/customers', { name: 'Linkable Customer' })).body;
    const added = await alice.post('/api/phone-contacts/2015550172/add-to-existing', { kind: 'customer', partyId: customer.id, type: 'Cell Phone', description: 'from a text' });
    expect(added.body).toEqual({ kind: 'customer', id: customer.id });
    const twice = await alice.post('/api/phone-contacts/2015550172/add-to-existing', { kind: 'customer', partyId: customer.id });
    expect(twice.status).toBe(409);
    const updated = (await alice.get(`/api/customers/${customer.id}`)).body;
    expect(updated.contactMethods).toEqual([expect.objectContaining({ type: 'Cell Phone', value: '(201) 555-0172', phoneNumber: '+12015550172', description: 'from a text' })]);

    await alice.put('/api/phone-contacts/2015550172', { name: 'Joe Rep', companyName: 'New Vendor Co', label: null, notes: null, textingDisabled: false });
    const vendor = await alice.post('/api/phone-contacts/2015550172/create-party', { kind: 'vendor' });
    expect(vendor.status).toBe(201);
    expect((await alice.get(`/api/vendors/${vendor.body.id}`)).body).toMatchObject({ name: 'Joe Rep', companyName: 'New Vendor Co' });
    const card = (await alice.get('/api/phone-contacts/2015550172')).body;
    expect(card.links).toEqual(
      expect.arrayContaining([
        { kind: 'customer', id: customer.id, name: 'Linkable Customer', via: 'Cell Phone' },
        { kind: 'vendor', id: vendor.body.id, name: 'Joe Rep', via: 'Cell Phone' },
      ]),
    );
  });

  it('finds cards by name, company, label or digits', async () => {
    const alice = await h().signIn('alice');
    await alice.put('/api/phone-contacts/2015550173', { name: 'Zora Finder', companyName: 'Findable Inc', label: 'Zora F.', notes: null, textingDisabled: false });
    for (const q of ['zora', 'findable', 'Zora F', '5550173', '555-0173']) {
      const res = await alice.get(`/api/phone-contacts?q=${encodeURIComponent(q)}`);
      expect(res.body.items.map((c: { phoneNumber: string }) => c.phoneNumber), q).toContain('+12015550173');
    }
    expect((await alice.get('/api/phone-contacts?q=nomatchatall')).body.items).toEqual([]);
  });
});
