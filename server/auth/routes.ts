import { z } from 'zod';
import type { Services } from '../context.js';
import { CSRF_HEADER, SESSION_COOKIE, actorOf } from '../http/auth.js';
import { errorOut } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { findSession } from './queries/find-session.js';
import { actorOut, presentActor, presentUser } from '../users/presenters.js';
import { logIn } from './commands/log-in.js';
import { logOut } from './commands/log-out.js';

const sessionOut = z.object({ user: actorOut, csrfToken: z.string(), csrfHeader: z.string() });

export async function authRoutes(app: App, s: Services) {
  app.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) }),
      response: { 200: sessionOut, 401: errorOut, 429: errorOut },
    },
  }, async (request, reply) => {
    const result = await logIn(s, {
      ...request.body,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    });
    reply.setCookie(SESSION_COOKIE, result.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      expires: new Date(result.expiresAt),
    });
    const u = presentUser(result.user);
    return { user: presentActor(u), csrfToken: result.csrfToken, csrfHeader: CSRF_HEADER };
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], response: { 204: z.null() } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logOut(s, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/session', {
    schema: { tags: ['auth'], response: { 200: sessionOut, 401: errorOut } },
  }, async (request) => {
    const actor = actorOf(request);
    const session = await findSession(s, request.cookies[SESSION_COOKIE] ?? '');
    return { user: presentActor(actor), csrfToken: session?.csrfToken ?? '', csrfHeader: CSRF_HEADER };
  });
}
