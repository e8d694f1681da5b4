import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';

describeEachDatabase('customers API', (h) => {
  it('creates a customer with contact methods and contacts, then reads it back', async () => {
    const alice = await h().signIn('alice');
    const res = await alice.post('/api/customers', {
      name: 'Ada Lovelace',
      companyName: 'Analytical Engines',
      contactMethods: [
        { type: 'Cell Phone', value: '(201) 555-0123', description: 'mobile' },
        { type: 'Email', value: 'ada@example.com' },
      ],
      contacts: [{ name: 'Charles Babbage', title: 'Partner', phone: '201-555-0124' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.contactMethods.map((m: { type: string }) => m.type)).toEqual(['Cell Phone', 'Email']);
    expect(res.body.contacts[0].name).toBe('Charles Babbage');
    const got = await alice.get(`/api/customers/${res.body.id}`);
    expect(got.body).toEqual(res.body);
  });

  it('edits the grid: updates kept rows, adds new ones, removes missing ones', async () => {
    const alice = await h().signIn('alice');
    const created = (
      await alice.post('/api/customers', {
        name: 'Grace Hopper',
        contactMethods: [
          { type: 'Phone', value: '201-555-0130' },
          { type: 'Fax', value: '201-555-0131' },
        ],
      })
    ).body;
    const [phone] = created.contactMethods;
    const res = await alice.put(`/api/customers/${created.id}`, {
      name: 'Grace B. Hopper',
      companyName: 'Navy',
      contactMethods: [{ id: phone.id, type: 'Cell Phone', value: '201-555-0130', description: 'cell' }, { type: 'Email', value: 'g@navy.example' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Grace B. Hopper');
    expect(res.body.contactMethods).toEqual([
      { id: phone.id, type: 'Cell Phone', value: '201-555-0130', description: 'cell', phoneNumber: '+12015550130' },
      expect.objectContaining({ type: 'Email', value: 'g@navy.example' }),
    ]);
  });

  it('keeps phone numbers as typed with their E.164 form, and refuses invalid ones naming the field', async () => {
    const alice = await h().signIn('alice');
    const res = await alice.post('/api/customers', {
      name: 'Spelling Test',
      contactMethods: [
        { type: 'Phone', value: '(201) 555-0123' },
        { type: 'Cell Phone', value: '201.555.0123' },
        { type: 'Fax', value: 'not checked' },
      ],
      contacts: [{ name: 'Someone', phone: '+12015550123' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.contactMethods.map((m: { value: string; phoneNumber: string | null }) => [m.value, m.phoneNumber])).toEqual([
      ['(201) 555-0123', '+12015550123'],
      ['201.555.0123', '+12015550123'],
      ['not checked', null],
    ]);
    expect(res.body.contacts[0].phoneNumber).toBe('+12015550123');
    const before = (await alice.get('/api/customers?q=Invalid%20Phone')).body.items.length;
    const bad = await alice.post('/api/customers', {
      name: 'Invalid Phone',
      contactMethods: [{ type: 'Cell Phone', value: '555-12' }],
      contacts: [{ name: 'X', phone: 'call me' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_PHONE_NUMBER');
    expect(bad.body.error.message).toContain('555-12');
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['body.contactMethods.0.value', 'body.contacts.0.phone']);
    expect((await alice.get('/api/customers?q=Invalid%20Phone')).body.items.length).toBe(before);
  });

  it('searches by name, company and contact method value, escaping wildcards', async () => {
    const alice = await h().signIn('alice');
    await alice.post('/api/customers', { name: 'Zed 100% Cotton', companyName: 'Zedco' });
    await alice.post('/api/customers', { name: 'Zed Other', contactMethods: [{ type: 'Email', value: 'zzz@findme.example' }] });
    const byCompany = await alice.get('/api/customers?q=zedco');
    expect(byCompany.body.items.map((c: { name: string }) => c.name)).toEqual(['Zed 100% Cotton']);
    const byPercent = await alice.get('/api/customers?q=' + encodeURIComponent('100%'));
    expect(byPercent.body.items).toHaveLength(1);
    const byMethod = await alice.get('/api/customers?q=findme');
    expect(byMethod.body.items.map((c: { name: string }) => c.name)).toEqual(['Zed Other']);
  });

  it('rejects invalid input naming the fields, and stores nothing', async () => {
    const alice = await h().signIn('alice');
    const before = (await alice.get('/api/customers?limit=200')).body.items.length;
    const res = await alice.post('/api/customers', { name: '', contactMethods: [{ type: 'Pager', value: 'x' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = res.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.contactMethods.0.type']));
    expect((await alice.get('/api/customers?limit=200')).body.items.length).toBe(before);
  });

  it('refuses anonymous requests with 401 and state changes without the CSRF token with 403', async () => {
    const anon = await h().anonymous().get('/api/customers');
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('UNAUTHENTICATED');
    const alice = await h().signIn('alice');
    const res = await h().running.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie: alice.cookie },
      payload: { name: 'No Token' },
    });
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('CSRF_FAILED');
  });
});
