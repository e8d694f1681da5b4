import { z } from 'zod';
import type { Services } from '../context.js';
import { ctxOf } from '../http/auth.js';
import { errorOut, idParams } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { createUserGroup } from './commands/create-user-group.js';
import { updateUserGroup } from './commands/update-user-group.js';
import { userGroupOut, userGroupSummaryOut } from './presenters.js';
import { getUserGroup } from './queries/get-user-group.js';
import { listUserGroups } from './queries/list-user-groups.js';
import { userGroupIn, userGroupListQuery } from './schema.js';

const tags = ['user groups'];

/** User Groups: everyone can list them (to tag a group); admins maintain them. */
export async function userGroupRoutes(app: App, s: Services) {
  app.get('/api/user-groups', {
    schema: { tags, querystring: userGroupListQuery, response: { 200: z.object({ items: z.array(userGroupSummaryOut) }), 400: errorOut } },
  }, async (request) => listUserGroups(s.db, request.query));

  app.get('/api/user-groups/:id', {
    schema: { tags, params: idParams, response: { 200: userGroupOut, 404: errorOut } },
  }, async (request) => getUserGroup(s.db, request.params.id));

  app.post('/api/user-groups', {
    config: { admin: true },
    schema: { tags, body: userGroupIn, response: { 201: userGroupOut, 400: errorOut, 403: errorOut, 404: errorOut, 409: errorOut } },
  }, async (request, reply) => reply.status(201).send(await createUserGroup(ctxOf(s, request), request.body)));

  app.put('/api/user-groups/:id', {
    config: { admin: true },
    schema: { tags, params: idParams, body: userGroupIn, response: { 200: userGroupOut, 400: errorOut, 403: errorOut, 404: errorOut, 409: errorOut } },
  }, async (request) => updateUserGroup(ctxOf(s, request), request.params.id, request.body));
}
