import { expect, it } from 'vitest';
import { DEMO_LOGINS, seedDemoData } from './demo.js';
import { describeEachDatabase } from '../test/harness.js';

describeEachDatabase('demo data', (h) => {
  it('seeds an empty database once, and the printed sign-ins work', async () => {
    const s = h().running.services;
    expect(await seedDemoData(s)).toEqual(DEMO_LOGINS);
    const count = async () => Number((await s.db.selectFrom('customers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const customers = await count();
    expect(customers).toBeGreaterThanOrEqual(5);
    expect(await seedDemoData(s)).toEqual(DEMO_LOGINS);
    expect(await count()).toBe(customers);

    for (const login of DEMO_LOGINS) {
      const res = await h().anonymous().post('/api/auth/login', { username: login.username, password: login.password });
      expect(res.status, login.username).toBe(200);
    }
    const groups = await s.db.selectFrom('user_groups').select('name').execute();
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(['Customer Service', 'Purchasing']));
    const vendors = await s.db.selectFrom('vendors').select('id').execute();
    expect(vendors.length).toBeGreaterThanOrEqual(3);
    const phones = await s.db.selectFrom('contact_methods').select('value').where('type', 'in', ['Phone', 'Cell Phone']).execute();
    expect(phones.length).toBeGreaterThanOrEqual(8);
    for (const p of phones) expect(p.value.replace(/\D/g, '')).toMatch(/^1?\d{3}55501\d\d$/);
    const types = await s.db.selectFrom('transactions').select('type').distinct().execute();
    expect(types.length).toBeGreaterThanOrEqual(4);
  });

  it('shows the seeded conversations to the members of the tagged groups', async () => {
    const s = h().running.services;
    await seedDemoData(s);
    const login = await h().anonymous().post('/api/auth/login', { username: 'paul', password: 'switchboard' });
    const cookie = `sb_session=${(login.headers['set-cookie'] as string).split(';')[0]!.split('=')[1]}`;
    const list = await h().running.app.inject({ method: 'GET', url: '/api/conversations', headers: { cookie } });
    const subjects = list.json().items.map((c: { subject: string }) => c.subject);
    expect(subjects).toEqual(expect.arrayContaining([expect.stringMatching(/^Screws backordered on PO-/), 'Welcome to Switchboard']));
    expect(subjects).not.toContainEqual(expect.stringMatching(/^Delivery date/));
  });
});
