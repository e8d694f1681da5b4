import { z } from 'zod';
import type { Services } from '../context.js';
import { ctxOf } from '../http/auth.js';
import { errorOut, idParams } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { TRANSACTION_TYPE_KEYS } from '../../core/transactions.js';
import { transactionOut } from '../erp/transactions/presenters.js';
import { addPhoneNumbers } from './commands/add-phone-number.js';
import { createTransactionFromMessage } from './commands/create-transaction-from-message.js';
import { linkChoices } from './queries/link-templates.js';
import { transactionOptions } from './queries/transaction-options.js';
import { createConversation } from './commands/create-conversation.js';
import { deleteMessage } from './commands/delete-message.js';
import { markRead } from './commands/mark-read.js';
import { takeOrphan } from './commands/take-orphan.js';
import { discardHeldMessage, optInConversation } from './commands/opt-in.js';
import { postMessage } from './commands/post-message.js';
import { setConversationStatus } from './commands/set-conversation-status.js';
import { tagConversation } from './commands/tag-conversation.js';
import { untagConversation } from './commands/untag-conversation.js';
import { conversationOut, conversationSummaryOut, messageOut } from './presenters.js';
import { getConversation } from './queries/get-conversation.js';
import { listConversations } from './queries/list-conversations.js';
import { listMessages } from './queries/list-messages.js';
import { phoneSuggestions } from './queries/phone-suggestions.js';
import { searchConversations } from './queries/search-conversations.js';
import { threadHistory } from './queries/thread-history.js';
import { createConversationIn, listConversationsQuery, listMessagesQuery, postMessageIn, searchQuery, tagIn, tagParams } from './schema.js';

const tags = ['conversations'];
const messageParams = z.object({ id: z.coerce.number().int().positive(), messageId: z.coerce.number().int().positive() });
const partyRef = z.object({ kind: z.enum(['customer', 'vendor']), id: z.number(), name: z.string() });
const transactionOptionsOut = z.object({
  connection: z.enum(['none', 'customer', 'vendor', 'both']),
  groups: z.array(z.object({ side: z.enum(['AR', 'AP']), label: z.string(), types: z.array(z.object({ type: z.enum(TRANSACTION_TYPE_KEYS), label: z.string() })), parties: z.array(partyRef) })),
});
const createTransactionFromMessageIn = z.object({
  type: z.enum(TRANSACTION_TYPE_KEYS),
  customerId: z.number().int().positive().nullish(),
  vendorId: z.number().int().positive().nullish(),
  newParty: z.object({ name: z.string().trim().min(1, 'is required').max(200) }).nullish(),
});
const linkChoiceOut = z.object({ name: z.string(), template: z.string(), url: z.string().nullable(), disabledReason: z.string().nullable() });
const notVisible = { 404: errorOut };
/** A conversation after numbers were added: possibly another one (redirected to, or newly made). */
const endpointChangeOut = conversationOut.extend({ redirected: z.boolean(), createdNew: z.boolean() });
const redirectedOut = conversationOut.extend({ redirected: z.boolean() });

export async function conversationRoutes(app: App, s: Services) {
  app.get('/api/conversations', {
    schema: { tags, querystring: listConversationsQuery, response: { 200: z.object({ items: z.array(conversationSummaryOut), nextCursor: z.string().nullable() }), 400: errorOut } },
  }, async (request) => listConversations(s.db, ctxOf(s, request).actor, request.query));

  app.get('/api/conversations/search', {
    schema: { tags, querystring: searchQuery, response: { 200: z.object({ items: z.array(conversationSummaryOut) }), 400: errorOut } },
  }, async (request) => searchConversations(s.db, s.database.dialect, ctxOf(s, request).actor, request.query));

  app.post('/api/conversations', {
    schema: { tags, body: createConversationIn, response: { 200: redirectedOut, 201: redirectedOut, 400: errorOut, 404: errorOut, 409: errorOut } },
  }, async (request, reply) => {
    const conversation = await createConversation(ctxOf(s, request), request.body);
    return reply.status(conversation.redirected ? 200 : 201).send(conversation);
  });

  app.get('/api/conversations/:id', {
    schema: { tags, params: idParams, response: { 200: conversationOut, ...notVisible } },
  }, async (request) => getConversation(s.db, ctxOf(s, request).actor, request.params.id));

  app.get('/api/conversations/:id/messages', {
    schema: { tags, params: idParams, querystring: listMessagesQuery, response: { 200: z.object({ items: z.array(messageOut), hasMore: z.boolean() }), ...notVisible } },
  }, async (request) => listMessages(s.db, ctxOf(s, request).actor, request.params.id, request.query, s.clock));

  app.post('/api/conversations/:id/messages', {
    schema: {
      tags,
      description: 'Post a message: its text, then each attachment (uploaded first, POST /api/attachments) as a message of its own, in order.',
      params: idParams,
      body: postMessageIn,
      response: { 201: messageOut.extend({ batch: z.array(messageOut) }), 400: errorOut, 409: errorOut, ...notVisible },
    },
  }, async (request, reply) => reply.status(201).send(await postMessage(ctxOf(s, request), request.params.id, request.body)));

  app.get('/api/conversations/:id/messages/:messageId/transaction-options', {
    schema: { tags, description: 'What "Create Transaction" offers for a message: types filtered by what its phone number is connected to, and those parties.', params: messageParams, response: { 200: transactionOptionsOut, 409: errorOut, ...notVisible } },
  }, async (request) => transactionOptions(s.db, ctxOf(s, request).actor, request.params.id, request.params.messageId));

  app.post('/api/conversations/:id/messages/:messageId/transaction', {
    schema: {
      tags,
      description: 'Create Transaction: a transaction for the party with the message text as memo, tagged in the conversation, the message associated with it.',
      params: messageParams,
      body: createTransactionFromMessageIn,
      response: { 201: z.object({ transaction: transactionOut, message: messageOut }), 400: errorOut, 409: errorOut, ...notVisible },
    },
  }, async (request, reply) => reply.status(201).send(await createTransactionFromMessage(ctxOf(s, request), request.params.id, request.params.messageId, request.body)));

  app.get('/api/conversations/:id/link-templates', {
    schema: { tags, description: "The Company's custom links, filled in from the conversation's linked transaction, customer or vendor.", params: idParams, response: { 200: z.object({ items: z.array(linkChoiceOut) }), ...notVisible } },
  }, async (request) => ({ items: await linkChoices(s.db, ctxOf(s, request).actor, request.params.id) }));

  app.post('/api/conversations/:id/tags', {
    schema: { tags, params: idParams, body: tagIn, response: { 200: conversationOut, 400: errorOut, ...notVisible } },
  }, async (request) => tagConversation(ctxOf(s, request), request.params.id, request.body));

  app.delete('/api/conversations/:id/tags/:kind/:refId', {
    schema: { tags, params: tagParams, response: { 200: conversationOut, 204: z.null(), 409: errorOut, ...notVisible } },
  }, async (request, reply) => {
    const { id, kind, refId } = request.params;
    const result = await untagConversation(ctxOf(s, request), id, { kind, id: refId });
    return result ? result : reply.status(204).send(null);
  });

  for (const [action, status] of [['close', 'closed'], ['reopen', 'open']] as const) {
    app.post(`/api/conversations/:id/${action}`, {
      schema: { tags, params: idParams, response: { 200: conversationOut, ...notVisible } },
    }, async (request) => setConversationStatus(ctxOf(s, request), request.params.id, status));
  }

  app.post('/api/conversations/:id/phone-numbers', {
    schema: {
      tags,
      params: idParams,
      body: z.object({ phoneNumber: z.string().max(50).optional(), phoneNumbers: z.array(z.string().max(50)).max(10).optional() }).refine((b) => b.phoneNumber || b.phoneNumbers?.length, { message: 'give phoneNumber or phoneNumbers', path: ['phoneNumbers'] }),
      response: { 200: endpointChangeOut, 400: errorOut, 409: errorOut, ...notVisible },
    },
  }, async (request) => {
    const { phoneNumber, phoneNumbers } = request.body;
    const change = await addPhoneNumbers(ctxOf(s, request), request.params.id, [...(phoneNumber ? [phoneNumber] : []), ...(phoneNumbers ?? [])]);
    return { ...change.conversation, redirected: change.redirected, createdNew: change.created };
  });

  app.get('/api/conversations/:id/phone-suggestions', {
    schema: {
      tags,
      params: idParams,
      response: {
        200: z.object({ items: z.array(z.object({ phoneNumber: z.string(), formatted: z.string(), source: z.string(), kind: z.enum(['customer', 'vendor']), partyId: z.number() })) }),
        ...notVisible,
      },
    },
  }, async (request) => ({ items: await phoneSuggestions(s.db, ctxOf(s, request).actor, request.params.id) }));

  app.get('/api/conversations/:id/history', {
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(conversationSummaryOut) }), ...notVisible } },
  }, async (request) => threadHistory(s.db, ctxOf(s, request).actor, request.params.id));

  app.post('/api/conversations/:id/opt-in', {
    schema: {
      tags,
      params: idParams,
      body: z.discriminatedUnion('method', [
        z.object({ method: z.literal('verbal'), script: z.string().trim().min(1, 'is required').max(2000) }),
        z.object({ method: z.literal('text') }),
      ]),
      response: { 200: z.object({ numbers: z.array(z.string()), method: z.enum(['verbal', 'text']) }), 400: errorOut, 409: errorOut, ...notVisible },
    },
  }, async (request) => optInConversation(ctxOf(s, request), request.params.id, request.body));

  app.delete('/api/conversations/:id/held-messages/:messageId', {
    schema: { tags, params: z.object({ id: z.coerce.number().int().positive(), messageId: z.coerce.number().int().positive() }), response: { 204: z.null(), 403: errorOut, ...notVisible } },
  }, async (request, reply) => {
    await discardHeldMessage(ctxOf(s, request), request.params.id, request.params.messageId);
    return reply.status(204).send(null);
  });

  app.post('/api/conversations/:id/claim', {
    schema: { tags, params: idParams, response: { 200: conversationOut, 409: errorOut, ...notVisible } },
  }, async (request) => takeOrphan(ctxOf(s, request), request.params.id, null));

  app.post('/api/conversations/:id/assign', {
    schema: { tags, params: idParams, body: z.object({ userId: z.number().int().positive() }), response: { 200: conversationOut, 400: errorOut, 409: errorOut, ...notVisible } },
  }, async (request) => takeOrphan(ctxOf(s, request), request.params.id, request.body.userId));

  app.delete('/api/conversations/:id/messages/:messageId', {
    schema: { tags, params: z.object({ id: z.coerce.number().int().positive(), messageId: z.coerce.number().int().positive() }), response: { 200: messageOut, 403: errorOut, 409: errorOut, ...notVisible } },
  }, async (request) => deleteMessage(ctxOf(s, request), request.params.id, request.params.messageId));

  app.post('/api/conversations/:id/read', {
    schema: { tags, params: idParams, body: z.object({ messageId: z.number().int().positive().optional() }), response: { 204: z.null(), ...notVisible } },
  }, async (request, reply) => {
    await markRead(ctxOf(s, request), request.params.id, request.body.messageId);
    return reply.status(204).send(null);
  });
}
