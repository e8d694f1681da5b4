import { z } from 'zod';
import type { Services } from '../context.js';
import { ctxOf } from '../http/auth.js';
import { errorOut, idParams } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { createUser } from './commands/create-user.js';
import { updateUser } from './commands/update-user.js';
import { userOut, userSummaryOut } from './presenters.js';
import { getUser } from './queries/get-user.js';
import { listUsers } from './queries/list-users.js';
import { userCreateIn, userListQuery, userUpdateIn } from './schema.js';

const tags = ['users'];

/** Users: everyone can look them up (to tag them); admins add and edit them. */
export async function usersRoutes(app: App, s: Services) {
  app.get('/api/users', {
    schema: { tags, querystring: userListQuery, response: { 200: z.object({ items: z.array(userSummaryOut), hasMore: z.boolean() }), 400: errorOut } },
  }, async (request) => listUsers(s.db, request.query));

  app.get('/api/users/:id', {
    schema: { tags, params: idParams, response: { 200: userOut, 404: errorOut } },
  }, async (request) => getUser(s.db, request.params.id));

  app.post('/api/users', {
    config: { admin: true },
    schema: { tags, body: userCreateIn, response: { 201: userOut, 400: errorOut, 403: errorOut, 409: errorOut } },
  }, async (request, reply) => reply.status(201).send(await createUser(ctxOf(s, request), request.body)));

  app.put('/api/users/:id', {
    config: { admin: true },
    schema: { tags, params: idParams, body: userUpdateIn, response: { 200: userOut, 400: errorOut, 403: errorOut, 404: errorOut, 409: errorOut } },
  }, async (request) => updateUser(ctxOf(s, request), request.params.id, request.body));
}
