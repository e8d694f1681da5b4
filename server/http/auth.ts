import type { FastifyReply, FastifyRequest } from 'fastify';
import { findSession } from '../auth/queries/find-session.js';
import type { Actor, Ctx, Services } from '../context.js';
import { requireAdmin } from '../auth/authorize.js';
import { AppError } from '../errors.js';

export const SESSION_COOKIE = 'sb_session';
export const CSRF_HEADER = 'x-csrf-token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/**
 * Resolves the session for every /api request and enforces sign-in and CSRF: a state-changing
 * request must echo the session's CSRF token in a header, which a cross-site form cannot do.
 */
export function authHook(services: Services) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    request.actor = null;
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findSession(services, token) : null;
    if (session) request.actor = session.actor;
    if (request.routeOptions.config.public) return;
    if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
    // Checked before validation, so a non-admin learns nothing about an admin route's input rules.
    if (request.routeOptions.config.admin) requireAdmin(session.actor);
    if (STATE_CHANGING.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('CSRF_FAILED', 'The request is missing its security token. Reload the page and try again.');
    }
  };
}

/** The acting user of an authenticated request. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return request.actor;
}

/** The command context for a request: the shared services plus the signed-in actor. */
export function ctxOf(services: Services, request: FastifyRequest): Ctx {
  return { ...services, actor: actorOf(request), log: request.log as Services['log'] };
}
