import { z } from 'zod';
import type { Services } from '../../context.js';
import { ctxOf } from '../../http/auth.js';
import { errorOut, idParams } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { attachmentOut } from '../../attachments/presenters.js';
import { sendFile } from '../../attachments/send-file.js';
import { attachTransactionCode } from './commands/attach-transaction-code.js';
import { transactionCodeImage } from './codes.js';
import { createTransaction } from './commands/create-transaction.js';
import { updateTransaction } from './commands/update-transaction.js';
import { presentTransactionTypes, transactionOut, transactionTypeOut } from './presenters.js';
import { getTransaction } from './queries/get-transaction.js';
import { listTransactions } from './queries/list-transactions.js';
import { transactionCreateIn, transactionListQuery, transactionUpdateIn } from './schema.js';

const tags = ['transactions'];

/** Transactions (quotes, orders, invoices, purchase orders, bills) and the list of their types. */
export async function transactionRoutes(app: App, s: Services) {
  app.get('/api/transaction-types', {
    schema: { tags, response: { 200: z.object({ items: z.array(transactionTypeOut) }) } },
  }, async () => presentTransactionTypes());

  app.get('/api/transactions', {
    schema: { tags, querystring: transactionListQuery, response: { 200: z.object({ items: z.array(transactionOut), hasMore: z.boolean() }), 400: errorOut } },
  }, async (request) => listTransactions(s.db, request.query));

  app.get('/api/transactions/:id', {
    schema: { tags, params: idParams, response: { 200: transactionOut, 404: errorOut } },
  }, async (request) => getTransaction(s.db, request.params.id));

  app.post('/api/transactions', {
    schema: { tags, body: transactionCreateIn, response: { 201: transactionOut, 400: errorOut, 404: errorOut } },
  }, async (request, reply) => reply.status(201).send(await createTransaction(ctxOf(s, request), request.body)));

  app.post('/api/transactions/:id/code', {
    schema: {
      tags,
      description: "Attach the Transaction ID as a barcode or QR code (per Company Preferences): answers an upload ready to send with a message.",
      params: idParams,
      response: { 201: attachmentOut, 404: errorOut },
    },
  }, async (request, reply) => reply.status(201).send(await attachTransactionCode(ctxOf(s, request), request.params.id)));

  app.get('/api/transactions/:id/code.png', {
    schema: { tags, description: 'The Transaction ID as a barcode or QR code (per Company Preferences).', params: idParams, response: { 404: errorOut } },
  }, async (request, reply) => {
    return sendFile(reply, await transactionCodeImage(s.db, request.params.id));
  });

  app.put('/api/transactions/:id', {
    schema: { tags, params: idParams, body: transactionUpdateIn, response: { 200: transactionOut, 400: errorOut, 404: errorOut } },
  }, async (request) => updateTransaction(ctxOf(s, request), request.params.id, request.body));
}
