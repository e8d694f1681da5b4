import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { groupIdsOfUser } from './queries/group-ids-of-user.js';

describeEachDatabase('user groups API', (h) => {
  it('lets an admin create a group with members; everyone can list it with its member count', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const ann = await h().createUser('ann', { name: 'Ann Archer' });
    const ben = await h().createUser('ben', { name: 'Ben Baker' });
    const res = await admin.post('/api/user-groups', { name: 'Dispatch', description: ' Day shift ', memberIds: [ben, ann, ben] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      name: 'Dispatch',
      description: 'Day shift',
      memberCount: 2,
      createdAt: expect.any(String),
      members: [
        { id: ann, name: 'Ann Archer', username: 'ann' },
        { id: ben, name: 'Ben Baker', username: 'ben' },
      ],
    });
    const plain = await h().signIn('plain');
    expect((await plain.get(`/api/user-groups/${res.body.id}`)).body).toEqual(res.body);
    await admin.post('/api/user-groups', { name: 'Accounting' });
    const list = await plain.get('/api/user-groups');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      { id: expect.any(Number), name: 'Accounting', description: null, memberCount: 0 },
      { id: res.body.id, name: 'Dispatch', description: 'Day shift', memberCount: 2 },
    ]);
    expect((await plain.get('/api/user-groups?q=disp')).body.items.map((g: { name: string }) => g.name)).toEqual(['Dispatch']);
  });

  it('replaces name, description and the whole membership on edit', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const cy = await h().createUser('cy');
    const di = await h().createUser('di');
    const group = (await admin.post('/api/user-groups', { name: 'Edit Group', memberIds: [cy] })).body;
    const res = await admin.put(`/api/user-groups/${group.id}`, { name: 'Edited Group', description: 'now', memberIds: [di] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Edited Group', description: 'now', memberCount: 1, members: [{ id: di, username: 'di' }] });
    expect(res.body.createdAt).toBe(group.createdAt);
    const emptied = await admin.put(`/api/user-groups/${group.id}`, { name: 'Edited Group' });
    expect(emptied.body).toMatchObject({ description: null, memberCount: 0, members: [] });
  });

  it('tells server code which groups a user belongs to', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const eve = await h().createUser('eve');
    const g1 = (await admin.post('/api/user-groups', { name: 'Eve One', memberIds: [eve] })).body.id;
    const g2 = (await admin.post('/api/user-groups', { name: 'Eve Two', memberIds: [eve] })).body.id;
    await admin.post('/api/user-groups', { name: 'Not Eve' });
    const db = h().running.services.db;
    expect(await groupIdsOfUser(db, eve)).toEqual([g1, g2]);
    await admin.put(`/api/user-groups/${g1}`, { name: 'Eve One', memberIds: [] });
    expect(await groupIdsOfUser(db, eve)).toEqual([g2]);
    expect(await groupIdsOfUser(db, 999999)).toEqual([]);
  });

  it('refuses a duplicate group name, ignoring case, with CONFLICT', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    await admin.post('/api/user-groups', { name: 'Warehouse' });
    const dup = await admin.post('/api/user-groups', { name: 'warehouse' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toEqual({ code: 'CONFLICT', message: 'A user group named "warehouse" already exists.' });
    const other = (await admin.post('/api/user-groups', { name: 'Yard' })).body;
    expect((await admin.put(`/api/user-groups/${other.id}`, { name: 'Warehouse' })).status).toBe(409);
    expect((await admin.put(`/api/user-groups/${other.id}`, { name: 'Yard', description: 'same name is fine' })).status).toBe(200);
    const raced = await Promise.all([1, 2].map(() => admin.post('/api/user-groups', { name: 'Raced Group' })));
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('rejects invalid input naming the fields, and unknown members with NOT_FOUND', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const res = await admin.post('/api/user-groups', { name: '', memberIds: ['x', -1] });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.memberIds.0', 'body.memberIds.1']));
    const unknown = await admin.post('/api/user-groups', { name: 'Ghosts', memberIds: [999998, 999999] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('No user has the id 999998, 999999.');
    expect((await admin.get('/api/user-groups?q=ghosts')).body.items).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown group', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    expect((await admin.get('/api/user-groups/999999')).body.error.code).toBe('NOT_FOUND');
    const put = await admin.put('/api/user-groups/999999', { name: 'Nothing' });
    expect(put.status).toBe(404);
    expect(put.body.error.message).toBe('User group was not found.');
  });

  it('refuses a plain user who tries to create or edit groups with 403', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const group = (await admin.post('/api/user-groups', { name: 'Locked' })).body;
    const plain = await h().signIn('plain');
    const created = await plain.post('/api/user-groups', { name: 'Mine' });
    expect(created.status).toBe(403);
    expect(created.body.error.code).toBe('FORBIDDEN');
    const edited = await plain.put(`/api/user-groups/${group.id}`, { name: 'Locked', memberIds: [plain.userId] });
    expect(edited.status).toBe(403);
    expect((await plain.get(`/api/user-groups/${group.id}`)).body.memberCount).toBe(0);
  });
});
