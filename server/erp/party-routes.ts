import { z } from 'zod';
import type { Services } from '../context.js';
import { ctxOf } from '../http/auth.js';
import { errorOut, idParams, pageQuery } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { createParty } from './commands/create-party.js';
import { updateParty } from './commands/update-party.js';
import { partyOut, partySummaryOut } from './presenters.js';
import { getParty } from './queries/get-party.js';
import { listParties } from './queries/list-parties.js';
import { partyIn } from './schema.js';
import type { PartyKind } from './schema.js';

/** List/search, read, create and edit for customers (`/api/customers`) or vendors (`/api/vendors`). */
export async function partyRoutes(app: App, s: Services, kind: PartyKind) {
  const base = `/api/${kind}s`;
  const tags = [`${kind}s`];
  app.get(base, {
    schema: { tags, querystring: pageQuery, response: { 200: z.object({ items: z.array(partySummaryOut), hasMore: z.boolean() }) } },
  }, async (request) => listParties(s.db, kind, request.query));

  app.get(`${base}/:id`, {
    schema: { tags, params: idParams, response: { 200: partyOut, 404: errorOut } },
  }, async (request) => getParty(s.db, kind, request.params.id));

  app.post(base, {
    schema: { tags, body: partyIn, response: { 201: partyOut, 400: errorOut } },
  }, async (request, reply) => reply.status(201).send(await createParty(ctxOf(s, request), kind, request.body)));

  app.put(`${base}/:id`, {
    schema: { tags, params: idParams, body: partyIn, response: { 200: partyOut, 400: errorOut, 404: errorOut } },
  }, async (request) => updateParty(ctxOf(s, request), kind, request.params.id, request.body));
}
