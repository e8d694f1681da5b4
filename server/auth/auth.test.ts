import { expect, it } from 'vitest';
import { TEST_PASSWORD, describeEachDatabase } from '../test/harness.js';

describeEachDatabase('sign-in and sessions', (h) => {
  it('signs in with a session cookie that is HttpOnly and SameSite=Lax, and never returns the password hash', async () => {
    await h().createUser('sam', { name: 'Sam Spade' });
    const res = await h().running.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'SAM', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sb_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(res.body).not.toContain('scrypt');
    const body = res.json();
    expect(body.user).toEqual({ id: expect.any(Number), username: 'sam', name: 'Sam Spade', role: 'user' });
    const session = await h().running.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `sb_session=${cookie.value}` } });
    expect(session.json().csrfToken).toBe(body.csrfToken);
  });

  it('refuses a wrong password with the same answer as an unknown user', async () => {
    await h().createUser('tess');
    const wrong = await h().anonymous().post('/api/auth/login', { username: 'tess', password: 'nope' });
    const unknown = await h().anonymous().post('/api/auth/login', { username: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks sign-in for a username after repeated failures, even with the right password, until the window passes', async () => {
    await h().createUser('uma');
    for (let i = 0; i < h().config.loginMaxFailures; i++) {
      expect((await h().anonymous().post('/api/auth/login', { username: 'uma', password: `bad${i}` })).status).toBe(401);
    }
    const locked = await h().anonymous().post('/api/auth/login', { username: 'uma', password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('LOGIN_THROTTLED');
    expect(locked.body.error.message).toMatch(/Try again in 15 minutes/);
    h().clock.advance(h().config.loginLockMs + 1000);
    const later = await h().anonymous().post('/api/auth/login', { username: 'uma', password: TEST_PASSWORD });
    expect(later.status).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    const vic = await h().signIn('vic');
    expect((await vic.get('/api/customers')).status).toBe(200);
    expect((await vic.post('/api/auth/logout')).status).toBe(204);
    expect((await vic.get('/api/customers')).status).toBe(401);
  });

  it('expires a session that is not used for the session lifetime', async () => {
    const wes = await h().signIn('wes');
    h().clock.advance(h().config.sessionTtlMs + 1000);
    expect((await wes.get('/api/customers')).status).toBe(401);
  });

  it('marks the cookie Secure when the request came over https through a trusted proxy', async () => {
    const { startHarness } = await import('../test/harness.js');
    const proxied = await startHarness(h().dialect, { env: { TRUST_PROXY: 'true' } });
    try {
      await proxied.createUser('xena');
      const res = await proxied.running.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'xena', password: TEST_PASSWORD },
      });
      expect(res.cookies.find((c) => c.name === 'sb_session')!.secure).toBe(true);
    } finally {
      await proxied.stop();
    }
  });
});

describeEachDatabase('every API route requires a session', (h) => {
  it('answers 401 to an anonymous request on every non-public /api route', async () => {
    const doc = (await h().running.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const publicRoutes = new Set(['POST /api/auth/login']);
    const checked: string[] = [];
    for (const [path, methods] of Object.entries<Record<string, unknown>>(doc.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const method of Object.keys(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (publicRoutes.has(key)) continue;
        const url = path.replace(/\{[^}]+\}/g, (m) => (m === '{kind}' ? 'user' : '1'));
        const res = await h().running.app.inject({ method: method.toUpperCase() as 'GET', url, payload: method === 'get' ? undefined : {} });
        expect(res.statusCode, key).toBe(401);
        checked.push(key);
      }
    }
    expect(checked.length).toBeGreaterThan(15);
  });
});

describeEachDatabase('admin-only routes', (h) => {
  it('refuses a plain user with 403 before looking at the input', async () => {
    const plain = await h().signIn('plainuser');
    for (const [method, url] of [
      ['post', '/api/users'],
      ['put', '/api/users/1'],
      ['post', '/api/user-groups'],
      ['put', '/api/conversation-types/1'],
      ['put', '/api/preferences'],
    ] as const) {
      const res = await plain[method](url, { nonsense: true });
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });
});
