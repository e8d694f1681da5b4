import { z } from 'zod';
import type { Services } from '../context.js';
import { actorOf, ctxOf } from '../http/auth.js';
import { requireAdmin } from '../auth/authorize.js';
import { errorOut, idParams } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { createConversationType } from './commands/create-conversation-type.js';
import { updateConversationType } from './commands/update-conversation-type.js';
import { conversationTypeOut } from './presenters.js';
import { getConversationType } from './queries/get-conversation-type.js';
import { listConversationTypes } from './queries/list-conversation-types.js';
import { conversationTypeIn, conversationTypeListQuery } from './schema.js';

const tags = ['conversation types'];

/** Conversation Types: every user picks from the active ones; admins maintain the list. */
export async function conversationTypeRoutes(app: App, s: Services) {
  app.get('/api/conversation-types', {
    schema: { tags, querystring: conversationTypeListQuery, response: { 200: z.object({ items: z.array(conversationTypeOut) }), 400: errorOut, 403: errorOut } },
  }, async (request) => {
    if (request.query.includeInactive) requireAdmin(actorOf(request));
    return listConversationTypes(s.db, request.query);
  });

  app.get('/api/conversation-types/:id', {
    schema: { tags, params: idParams, response: { 200: conversationTypeOut, 404: errorOut } },
  }, async (request) => getConversationType(s.db, request.params.id));

  app.post('/api/conversation-types', {
    config: { admin: true },
    schema: { tags, body: conversationTypeIn, response: { 201: conversationTypeOut, 400: errorOut, 403: errorOut, 409: errorOut } },
  }, async (request, reply) => reply.status(201).send(await createConversationType(ctxOf(s, request), request.body)));

  app.put('/api/conversation-types/:id', {
    config: { admin: true },
    schema: {
      tags,
      params: idParams,
      body: conversationTypeIn,
      response: { 200: conversationTypeOut, 400: errorOut, 403: errorOut, 404: errorOut, 409: errorOut },
    },
  }, async (request) => updateConversationType(ctxOf(s, request), request.params.id, request.body));
}
