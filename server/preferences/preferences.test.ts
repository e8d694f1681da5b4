import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { getPreferences } from './queries/get-preferences.js';

describeEachDatabase('company preferences API', (h) => {
  const fieldsOf = (res: { body: any }) => res.body.error.details.fields.map((f: { field: string }) => f.field);

  it('shows every preference with its default before anything is saved', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const res = await admin.get('/api/preferences');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      companyName: 'Switchboard Demo Co.',
      companyPhone: null,
      timeZone: 'America/New_York',
      defaultConversationTypeId: null,
      publicBaseUrl: null,
      defaultRegion: 'US',
      privacyPolicyUrl: null,
      termsUrl: null,
      mmsSizeLimitKb: 5120,
      transactionCode: 'qr',
      linkTemplates: [],
    });
    expect(res.body.optInRequestText).toContain('START');
    expect(await getPreferences(h().running.services.db)).toEqual(res.body);
  });

  it('normalises the public base URL and the region, and refuses malformed ones', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const ok = await admin.put('/api/preferences', { publicBaseUrl: 'https://sb.example.com/', defaultRegion: 'gb' });
    expect(ok.body).toMatchObject({ publicBaseUrl: 'https://sb.example.com', defaultRegion: 'GB' });
    const bad = await admin.put('/api/preferences', { publicBaseUrl: 'ftp://x', defaultRegion: 'Britain' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['body.publicBaseUrl', 'body.defaultRegion']));
    await admin.put('/api/preferences', { publicBaseUrl: '', defaultRegion: 'US' });
    expect((await admin.get('/api/preferences')).body.publicBaseUrl).toBeNull();
  });

  it('saves a partial update, keeps the other keys, and records who changed it and when', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const type = (await admin.post('/api/conversation-types', { name: 'General' })).body;
    const res = await admin.put('/api/preferences', {
      companyName: '  Acme Plumbing ', companyPhone: ' (201) 555-0100 ', timeZone: 'america/chicago', defaultConversationTypeId: type.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      companyName: 'Acme Plumbing',
      companyPhone: '(201) 555-0100',
      timeZone: 'America/Chicago',
      defaultConversationTypeId: type.id,
      publicBaseUrl: null,
      defaultRegion: 'US',
    });

    const before = h().clock.now().toISOString();
    const second = await admin.put('/api/preferences', { companyPhone: '' });
    expect(second.body).toEqual({ ...res.body, companyPhone: null });
    expect((await admin.get('/api/preferences')).body).toEqual(second.body);

    const rows = await h().running.services.db
      .selectFrom('company_preferences')
      .selectAll()
      .where('key', 'in', ['companyName', 'companyPhone', 'defaultConversationTypeId', 'timeZone'])
      .orderBy('key')
      .execute();
    expect(rows.map((r) => [r.key, r.value])).toEqual([
      ['companyName', '"Acme Plumbing"'],
      ['companyPhone', 'null'],
      ['defaultConversationTypeId', String(type.id)],
      ['timeZone', '"America/Chicago"'],
    ]);
    expect(rows.every((r) => r.updated_by === admin.userId)).toBe(true);
    const phone = rows.find((r) => r.key === 'companyPhone')!;
    const name = rows.find((r) => r.key === 'companyName')!;
    expect(phone.updated_at > before).toBe(true);
    expect(name.updated_at < before).toBe(true);
  });

  it('validates each key, naming unknown keys and bad values', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const before = (await admin.get('/api/preferences')).body;
    const unknown = await admin.put('/api/preferences', { companyName: 'Fine', twilioSid: 'AC123' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
    expect(unknown.body.error.details.fields).toEqual([{ field: 'body.twilioSid', message: 'is not a known preference' }]);
    const bad = await admin.put('/api/preferences', { companyName: ' ', timeZone: 'Mars/Olympus_Mons', defaultConversationTypeId: 'one' });
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['body.companyName', 'body.timeZone', 'body.defaultConversationTypeId']));
    expect(bad.body.error.message).toContain('body.timeZone must be an IANA time zone');
    const missingType = await admin.put('/api/preferences', { companyPhone: '555', defaultConversationTypeId: 999999 });
    expect(missingType.status).toBe(400);
    expect(missingType.body.error.details.fields).toEqual([
      { field: 'body.defaultConversationTypeId', message: 'must be an existing conversation type (there is no type 999999)' },
    ]);
    // Nothing in a refused update is saved.
    expect((await admin.get('/api/preferences')).body).toEqual(before);
    expect((await admin.put('/api/preferences', { defaultConversationTypeId: null })).body.defaultConversationTypeId).toBeNull();
  });

  it('keeps preferences to admins (403) but tells everyone the company name', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    await admin.put('/api/preferences', { companyName: 'Visible Name Ltd' });
    const plain = await h().signIn('plain');
    const read = await plain.get('/api/preferences');
    expect(read.status).toBe(403);
    expect(read.body.error.code).toBe('FORBIDDEN');
    const write = await plain.put('/api/preferences', { companyName: 'Hijacked' });
    expect(write.status).toBe(403);
    const company = await plain.get('/api/company');
    expect(company.status).toBe(200);
    expect(company.body).toMatchObject({ companyName: 'Visible Name Ltd', timeZone: expect.any(String), defaultRegion: 'US' });
    // The harness runs the built-in emulator (no Twilio credentials): texting works against it.
    expect(company.body.texting).toEqual({ available: true, usingEmulator: true, simulatorUrl: '/simulator' });
    expect(Object.keys(company.body).sort()).toEqual(['companyName', 'defaultConversationTypeId', 'defaultRegion', 'texting', 'timeZone', 'transactionCode', 'uploadMaxBytes', 'verbalOptInScript']);
    expect(company.body.uploadMaxBytes).toBe(25 * 1024 * 1024);
    expect(company.body.verbalOptInScript).toContain('Visible Name Ltd');
    expect((await h().anonymous().get('/api/company')).status).toBe(401);
  });

  it('falls back to the default for a stored value that no longer fits its schema', async () => {
    const db = h().running.services.db;
    await db
      .insertInto('company_preferences')
      .values({ key: 'timeZone', value: '"Not/AZone"', updated_at: h().clock.now().toISOString(), updated_by: null })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: '"Not/AZone"' }))
      .execute();
    await db.insertInto('company_preferences').values({ key: 'retiredKey', value: '{', updated_at: 'x', updated_by: null }).execute();
    const prefs = await getPreferences(db);
    expect(prefs.timeZone).toBe('America/New_York');
    expect(Object.keys(prefs)).not.toContain('retiredKey');
  });
});
