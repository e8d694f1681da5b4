import { z } from 'zod';
import type { Services } from '../context.js';
import { ctxOf } from '../http/auth.js';
import { errorOut } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { addContactToParty, createPartyFromContact } from './commands/link-contact.js';
import { saveContactCard } from './commands/save-contact-card.js';
import { consentEventOut, contactCardOut, presentConsentCsv } from './presenters.js';
import { consentHistory, getContactCard, normaliseNumber } from './queries/get-contact-card.js';
import { searchContactCards } from './queries/search-contact-cards.js';
import { addToPartyIn, contactCardIn, contactSearchQuery, createPartyIn, numberParams } from './schema.js';

const tags = ['contact cards'];

/** The Contact Card of a phone number: `/api/phone-contacts/:number` (any spelling of the number). */
export async function contactRoutes(app: App, s: Services) {
  app.get('/api/phone-contacts', {
    schema: { tags, querystring: contactSearchQuery, response: { 200: z.object({ items: z.array(contactCardOut) }) } },
  }, async (request) => searchContactCards(s.db, request.query.q, request.query.limit));

  app.get('/api/phone-contacts/:number', {
    schema: { tags, params: numberParams, response: { 200: contactCardOut.extend({ history: z.array(consentEventOut) }), 400: errorOut } },
  }, async (request) => {
    const number = await normaliseNumber(s.db, request.params.number);
    const [card, history] = await Promise.all([getContactCard(s.db, number), consentHistory(s.db, number)]);
    return { ...card, history };
  });

  app.put('/api/phone-contacts/:number', {
    schema: { tags, params: numberParams, body: contactCardIn, response: { 200: contactCardOut, 400: errorOut } },
  }, async (request) => saveContactCard(ctxOf(s, request), await normaliseNumber(s.db, request.params.number), request.body));

  app.get('/api/phone-contacts/:number/consent.csv', {
    schema: { tags, params: numberParams, response: { 200: z.string(), 400: errorOut } },
  }, async (request, reply) => {
    const number = await normaliseNumber(s.db, request.params.number);
    const csv = presentConsentCsv(number, await consentHistory(s.db, number));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="consent-${number.replace('+', '')}.csv"`)
      .send(csv);
  });

  const linked = z.object({ kind: z.enum(['customer', 'vendor']), id: z.number() });
  app.post('/api/phone-contacts/:number/add-to-existing', {
    schema: { tags, params: numberParams, body: addToPartyIn, response: { 200: linked, 400: errorOut, 404: errorOut, 409: errorOut } },
  }, async (request) => addContactToParty(ctxOf(s, request), await normaliseNumber(s.db, request.params.number), request.body));

  app.post('/api/phone-contacts/:number/create-party', {
    schema: { tags, params: numberParams, body: createPartyIn, response: { 201: linked, 400: errorOut } },
  }, async (request, reply) =>
    reply.status(201).send(await createPartyFromContact(ctxOf(s, request), await normaliseNumber(s.db, request.params.number), request.body)),
  );
}
