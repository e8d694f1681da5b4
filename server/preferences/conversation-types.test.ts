import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';

describeEachDatabase('conversation types API', (h) => {
  it('lets an admin create types; everyone lists the active ones by position, then name', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const billing = await admin.post('/api/conversation-types', { name: ' Billing ', position: 2 });
    expect(billing.status).toBe(201);
    expect(billing.body).toEqual({ id: expect.any(Number), name: 'Billing', active: true, position: 2 });
    await admin.post('/api/conversation-types', { name: 'Support', position: 1 });
    await admin.post('/api/conversation-types', { name: 'Delivery', position: 2 });
    await admin.post('/api/conversation-types', { name: 'Archived', position: 0, active: false });
    const plain = await h().signIn('plain');
    const list = await plain.get('/api/conversation-types');
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: { name: string }) => t.name)).toEqual(['Support', 'Billing', 'Delivery']);
    expect((await plain.get(`/api/conversation-types/${billing.body.id}`)).body).toEqual(billing.body);
    const withInactive = await admin.get('/api/conversation-types?includeInactive=true');
    expect(withInactive.body.items.map((t: { name: string }) => t.name)).toEqual(['Archived', 'Support', 'Billing', 'Delivery']);
    expect((await admin.get('/api/conversation-types?includeInactive=false')).body.items).toHaveLength(3);
  });

  it('keeps inactive types from plain users with 403, and rejects a malformed flag', async () => {
    const plain = await h().signIn('plain');
    const res = await plain.get('/api/conversation-types?includeInactive=true');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    const bad = await plain.get('/api/conversation-types?includeInactive=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('querystring.includeInactive');
  });

  it('edits a type: renames, reorders and retires it', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const created = (await admin.post('/api/conversation-types', { name: 'Returns' })).body;
    const res = await admin.put(`/api/conversation-types/${created.id}`, { name: 'Returns & RMAs', active: false, position: 9 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: created.id, name: 'Returns & RMAs', active: false, position: 9 });
    const plain = await h().signIn('plain');
    expect((await plain.get('/api/conversation-types')).body.items.map((t: { id: number }) => t.id)).not.toContain(created.id);
  });

  it('refuses duplicate names, ignoring case, with CONFLICT', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    await admin.post('/api/conversation-types', { name: 'Sales' });
    const dup = await admin.post('/api/conversation-types', { name: 'SALES' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toEqual({ code: 'CONFLICT', message: 'A conversation type named "SALES" already exists.' });
    const other = (await admin.post('/api/conversation-types', { name: 'Service' })).body;
    expect((await admin.put(`/api/conversation-types/${other.id}`, { name: 'sales' })).status).toBe(409);
    expect((await admin.put(`/api/conversation-types/${other.id}`, { name: 'Service', position: 4 })).status).toBe(200);
    const raced = await Promise.all([1, 2].map(() => admin.post('/api/conversation-types', { name: 'Raced Type' })));
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('rejects invalid input naming the fields', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const res = await admin.post('/api/conversation-types', { name: '', active: 'yes', position: -1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = res.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.active', 'body.position']));
  });

  it('answers NOT_FOUND for an unknown type', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    expect((await admin.get('/api/conversation-types/999999')).status).toBe(404);
    const put = await admin.put('/api/conversation-types/999999', { name: 'Nothing' });
    expect(put.status).toBe(404);
    expect(put.body.error).toEqual({ code: 'NOT_FOUND', message: 'Conversation type was not found.' });
  });

  it('refuses a plain user who tries to create or edit types with 403', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const type = (await admin.post('/api/conversation-types', { name: 'Locked Type' })).body;
    const plain = await h().signIn('plain');
    const created = await plain.post('/api/conversation-types', { name: 'Mine' });
    expect(created.status).toBe(403);
    expect(created.body.error.code).toBe('FORBIDDEN');
    expect((await plain.put(`/api/conversation-types/${type.id}`, { name: 'Renamed' })).status).toBe(403);
    expect((await plain.get(`/api/conversation-types/${type.id}`)).body.name).toBe('Locked Type');
  });
});
