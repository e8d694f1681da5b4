import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';

describeEachDatabase('users API', (h) => {
  const fieldsOf = (res: { body: any }) => res.body.error.details.fields.map((f: { field: string }) => f.field);
  const logIn = (username: string, password: string) => h().anonymous().post('/api/auth/login', { username, password });

  it('lets an admin create a user who can then sign in, and never shows the password hash', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const res = await admin.post('/api/users', {
      name: 'Carol Danvers', username: '  CDanvers ', email: 'carol@example.com', role: 'user', password: 'higher-further',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(Number), username: 'cdanvers', name: 'Carol Danvers', email: 'carol@example.com', role: 'user', active: true });
    expect(JSON.stringify(res.body)).not.toContain('scrypt');
    expect((await admin.get(`/api/users/${res.body.id}`)).body).toEqual(res.body);
    expect((await logIn('cdanvers', 'higher-further')).status).toBe(200);
  });

  it('lets any signed-in user list and search users by name or username, with summary fields only', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    await admin.post('/api/users', { name: 'Searchable Sam', username: 'ssam', password: 'password-1' });
    await admin.post('/api/users', { name: 'Other Person', username: 'findme.user', password: 'password-1', active: false });
    const plain = await h().signIn('plain');
    const byName = await plain.get('/api/users?q=searchable');
    expect(byName.status).toBe(200);
    expect(byName.body.items).toEqual([{ id: expect.any(Number), username: 'ssam', name: 'Searchable Sam', role: 'user', active: true }]);
    const byUsername = await plain.get('/api/users?q=FINDME');
    expect(byUsername.body.items.map((u: { username: string }) => u.username)).toEqual(['findme.user']);
    const activeOnly = await plain.get('/api/users?active=true&limit=200');
    expect(activeOnly.body.items.every((u: { active: boolean }) => u.active)).toBe(true);
    expect(activeOnly.body.items.map((u: { username: string }) => u.username)).not.toContain('findme.user');
    const inactiveOnly = await plain.get('/api/users?active=false');
    expect(inactiveOnly.body.items.map((u: { username: string }) => u.username)).toEqual(['findme.user']);
    const all = (await plain.get('/api/users?limit=200')).body.items.map((u: { name: string }) => u.name);
    expect(all.filter((n: string) => n === 'Other Person' || n === 'Searchable Sam')).toEqual(['Other Person', 'Searchable Sam']);
    const page = await plain.get('/api/users?limit=1');
    expect(page.body).toMatchObject({ hasMore: true, items: [expect.any(Object)] });
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    const plain = await h().signIn('plain');
    const res = await plain.get('/api/users/999999');
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'NOT_FOUND', message: 'User was not found.' });
    const admin = await h().signIn('root', { role: 'admin' });
    const put = await admin.put('/api/users/999999', { name: 'Nobody', username: 'nobody' });
    expect(put.status).toBe(404);
  });

  it('refuses a plain user who tries to create or edit users with 403, changing nothing', async () => {
    const plain = await h().signIn('plain');
    const created = await plain.post('/api/users', { name: 'Sneaky', username: 'sneaky', password: 'password-1', role: 'admin' });
    expect(created.status).toBe(403);
    expect(created.body.error.code).toBe('FORBIDDEN');
    expect((await plain.get('/api/users?q=sneaky')).body.items).toEqual([]);
    const promoted = await plain.put(`/api/users/${plain.userId}`, { name: 'Plain', username: 'plain', role: 'admin' });
    expect(promoted.status).toBe(403);
    expect((await plain.get(`/api/users/${plain.userId}`)).body.role).toBe('user');
  });

  it('rejects invalid input naming the fields; a password is required on create', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const res = await admin.post('/api/users', { name: ' ', username: 'bad name!', email: 'not-an-email', role: 'owner', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(['body.name', 'body.username', 'body.email', 'body.role', 'body.password']));
    expect(res.body.error.message).toContain('body.password must be at least 8 characters');
    const noPassword = await admin.post('/api/users', { name: 'No Password', username: 'nopass' });
    expect(fieldsOf(noPassword)).toEqual(['body.password']);
  });

  it('refuses a duplicate username, whatever its case, with CONFLICT', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    await admin.post('/api/users', { name: 'Dup One', username: 'dupe', password: 'password-1' });
    const again = await admin.post('/api/users', { name: 'Dup Two', username: 'DUPE', password: 'password-1' });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: 'CONFLICT', message: 'The username "dupe" is already taken.' });
    const other = (await admin.post('/api/users', { name: 'Dup Three', username: 'dupe3', password: 'password-1' })).body;
    const renamed = await admin.put(`/api/users/${other.id}`, { name: 'Dup Three', username: 'dupe' });
    expect(renamed.status).toBe(409);
    // Keeping one's own username is not a conflict.
    expect((await admin.put(`/api/users/${other.id}`, { name: 'Dup 3', username: 'dupe3' })).status).toBe(200);
  });

  it('gives CONFLICT, not a server error, when two admins create the same username at once', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const results = await Promise.all(
      [1, 2, 3].map((n) => admin.post('/api/users', { name: `Race ${n}`, username: 'racer', password: 'password-1' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('edits a user, changing the password only when one is given', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const user = (await admin.post('/api/users', { name: 'Edit Me', username: 'editme', password: 'first-password' })).body;
    const res = await admin.put(`/api/users/${user.id}`, { name: 'Edited', username: 'edited', email: 'e@example.com', role: 'admin' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: user.id, username: 'edited', name: 'Edited', email: 'e@example.com', role: 'admin', active: true });
    expect((await logIn('edited', 'first-password')).status).toBe(200);
    const short = await admin.put(`/api/users/${user.id}`, { name: 'Edited', username: 'edited', password: 'short' });
    expect(fieldsOf(short)).toEqual(['body.password']);
    await admin.put(`/api/users/${user.id}`, { name: 'Edited', username: 'edited', role: 'admin', password: 'second-password' });
    expect((await logIn('edited', 'first-password')).status).toBe(401);
    expect((await logIn('edited', 'second-password')).status).toBe(200);
  });

  it('ends every session of a user who is deactivated, and keeps them signed out', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const dave = await h().signIn('dave');
    const daveAgain = await h().signIn('dave');
    expect((await dave.get('/api/users')).status).toBe(200);
    const res = await admin.put(`/api/users/${dave.userId}`, { name: 'Dave', username: 'dave', active: false });
    expect(res.body.active).toBe(false);
    for (const session of [dave, daveAgain]) {
      const after = await session.get('/api/users');
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('UNAUTHENTICATED');
    }
    const rows = await h().running.services.db.selectFrom('sessions').select('id').where('user_id', '=', dave.userId).execute();
    expect(rows).toEqual([]);
    expect((await logIn('dave', 'correct horse 1')).status).toBe(401);
    // Reactivated, Dave can sign in again.
    await admin.put(`/api/users/${dave.userId}`, { name: 'Dave', username: 'dave', active: true });
    expect((await logIn('dave', 'correct horse 1')).status).toBe(200);
  });

  it('does not let an admin demote or deactivate themself, but another admin may', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const demote = await admin.put(`/api/users/${admin.userId}`, { name: 'Root', username: 'root', role: 'user' });
    expect(demote.status).toBe(403);
    expect(demote.body.error).toEqual({ code: 'FORBIDDEN', message: 'You cannot remove your own administrator role. Ask another administrator to do it.' });
    const deactivate = await admin.put(`/api/users/${admin.userId}`, { name: 'Root', username: 'root', role: 'admin', active: false });
    expect(deactivate.status).toBe(403);
    expect(deactivate.body.error.message).toBe('You cannot deactivate your own account. Ask another administrator to do it.');
    expect((await admin.get(`/api/users/${admin.userId}`)).body).toMatchObject({ role: 'admin', active: true });
    // Renaming oneself is fine.
    expect((await admin.put(`/api/users/${admin.userId}`, { name: 'Root Admin', username: 'root', role: 'admin' })).status).toBe(200);

    const second = await h().signIn('second', { role: 'admin' });
    const byOther = await second.put(`/api/users/${admin.userId}`, { name: 'Root Admin', username: 'root', role: 'user' });
    expect(byOther.status).toBe(200);
    expect(byOther.body.role).toBe('user');
    const nowPlain = await admin.post('/api/users', { name: 'X', username: 'x-user', password: 'password-1' });
    expect(nowPlain.status).toBe(403);
  });
});
