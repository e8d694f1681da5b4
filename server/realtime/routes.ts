import type { ServerResponse } from 'node:http';
import { findSession } from '../auth/queries/find-session.js';
import type { Services } from '../context.js';
import { SESSION_COOKIE, actorOf } from '../http/auth.js';
import type { App } from '../http/types.js';
import type { HubEvent } from './event-hub.js';

const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/events`: a Server-Sent Events stream of the changes the signed-in user may see.
 * Each heartbeat re-checks the session, so a signed-out or deactivated user stops receiving.
 * After a reconnect the client refetches (the `ready` event), so nothing missed stays missing.
 */
export async function eventRoutes(app: App, s: Services) {
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    open.clear();
  });

  app.get('/api/events', { schema: { tags: ['realtime'], hide: false } }, async (request, reply) => {
    const actor = actorOf(request);
    const token = request.cookies[SESSION_COOKIE] ?? '';
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    open.add(res);
    send('ready', { userId: actor.id });

    const unsubscribe = s.hub.subscribe((e: HubEvent) => {
      if (e.audience.everyone || e.audience.userIds.includes(actor.id) || (e.audience.admins && actor.role === 'admin')) send(e.type, e.data);
    });
    const heartbeat = setInterval(() => {
      void findSession(s, token).then(
        (session) => (session ? res.write(': ping\n\n') : res.end()),
        () => res.write(': ping\n\n'),
      );
    }, HEARTBEAT_MS);
    heartbeat.unref();
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    };
    res.on('close', cleanup);
    res.on('error', cleanup);
  });
}
