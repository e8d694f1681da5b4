import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from './auth.js';
import type { Carrier } from './carrier.js';
import { API_VERSION } from './constants.js';
import type { EmulatorCore } from './core.js';
import { createMessage } from './create-message.js';
import type { FormParams } from './create-message.js';
import { first, rfc2822 } from './format.js';
import { mediaJson, mediaListUri, messageJson, pageOf } from './message-json.js';
import { TwilioApiError, errors, moreInfo } from './twilio-errors.js';
import type { StoredMessage } from './types.js';

type Query = Record<string, string | string[] | undefined>;
interface AccountParams {
  AccountSid: string;
}

/** `DateSent` filters: a day (YYYY-MM-DD) or an instant; `<` and `>` include the bound like Twilio's `<=`/`>=`. */
function dateFilter(query: Query): ((m: StoredMessage) => boolean) | null {
  const parse = (v: string | undefined, endOfDay: boolean): number | null => {
    if (!v) return null;
    const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(v);
    const t = Date.parse(dayOnly ? `${v}T00:00:00Z` : v);
    if (Number.isNaN(t)) throw errors.invalidParameter('DateSent', v);
    return dayOnly && endOfDay ? t + 86_400_000 - 1 : t;
  };
  const on = first(query.DateSent);
  const after = parse(on ?? first(query['DateSent>']), false);
  const before = parse(on ?? first(query['DateSent<']), true);
  if (after === null && before === null) return null;
  return (m) => {
    const t = m.dateSent?.getTime();
    return t !== undefined && (after === null || t >= after) && (before === null || t <= before);
  };
}

function paging(query: Query): { pageSize: number; page: number; pageToken: string | undefined } {
  const pageSize = Number(first(query.PageSize) ?? 50);
  const page = Number(first(query.Page) ?? 0);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw errors.invalidParameter('PageSize', String(first(query.PageSize)));
  if (!Number.isInteger(page) || page < 0) throw errors.invalidParameter('Page', String(first(query.Page)));
  return { pageSize, page, pageToken: first(query.PageToken) };
}

/**
 * Twilio's Messages and Media REST resources (https://www.twilio.com/docs/messaging/api/message-resource),
 * registered under `/2010-04-01`, with Twilio's JSON, paging, auth and error bodies.
 */
export async function restRoutes(app: FastifyInstance, core: EmulatorCore, carrier: Carrier): Promise<void> {
  const cdnSecret = randomBytes(16);
  const sign = (sid: string, expires: number) => createHmac('sha256', cdnSecret).update(`${sid}.${expires}`).digest('hex').slice(0, 32);

  const accountOf = (request: FastifyRequest<{ Params: AccountParams }>) =>
    authenticate(request.headers.authorization, request.params.AccountSid, core.state.accounts);
  const messageOf = (accountSid: string, sid: string, path: string): StoredMessage => {
    const m = core.state.message(sid);
    if (!m || m.accountSid !== accountSid) throw errors.notFound(path);
    return m;
  };
  const pathOf = (request: FastifyRequest) => request.url.split('?')[0]!;

  await app.register(
    async (api) => {
      api.setErrorHandler((err: unknown, _request, reply: FastifyReply) => {
        if (err instanceof TwilioApiError) {
          if (err.status === 401) reply.header('www-authenticate', 'Basic realm="Twilio API"');
          return reply.status(err.status).send(err.toJSON());
        }
        const status = typeof err === 'object' && err && 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
        const code = status >= 500 ? 20500 : 20001;
        const message = err instanceof Error ? err.message : 'Internal Server Error';
        return reply.status(status).send({ code, message, more_info: moreInfo(code), status });
      });
      api.addHook('onResponse', async (request, reply) => {
        const form = request.body && typeof request.body === 'object' ? (request.body as FormParams) : {};
        const query = (request.query ?? {}) as Record<string, string | string[]>;
        core.state.recordApiRequest({ method: request.method, path: pathOf(request), query: { ...query }, form: { ...form }, status: reply.statusCode });
      });
      api.setNotFoundHandler((request, reply) => reply.status(404).send(errors.notFound(pathOf(request)).toJSON()));

      // The Account resource: what a "test connection" fetches to check credentials.
      // https://www.twilio.com/docs/iam/api/account
      api.get<{ Params: { file: string } }>('/Accounts/:file', async (request) => {
        const sid = request.params.file.replace(/\.json$/, '');
        if (sid === request.params.file) throw errors.notFound(pathOf(request));
        const account = authenticate(request.headers.authorization, sid, core.state.accounts);
        const created = rfc2822(new Date(Date.UTC(2026, 0, 1)));
        return {
          sid: account.accountSid,
          owner_account_sid: account.accountSid,
          friendly_name: 'Switchboard emulator account',
          status: 'active',
          type: 'Full',
          auth_token: account.authToken,
          date_created: created,
          date_updated: created,
          uri: `/${API_VERSION}/Accounts/${account.accountSid}.json`,
          subresource_uris: { messages: `/${API_VERSION}/Accounts/${account.accountSid}/Messages.json` },
        };
      });

      api.post<{ Params: AccountParams; Body: FormParams }>('/Accounts/:AccountSid/Messages.json', async (request, reply) => {
        const account = accountOf(request);
        const fault = core.faults.takeCreateFault();
        if (fault) throw fault;
        const message = createMessage(core, account, request.body ?? {});
        carrier.dispatch(message);
        return reply.status(201).send(messageJson(message));
      });

      api.get<{ Params: AccountParams; Querystring: Query }>('/Accounts/:AccountSid/Messages.json', async (request) => {
        const account = accountOf(request);
        const q = request.query;
        const to = first(q.To);
        const from = first(q.From);
        const byDate = dateFilter(q);
        const items = core.state
          .messages()
          .filter((m) => m.accountSid === account.accountSid && (!to || m.to === to) && (!from || m.from === from) && (!byDate || byDate(m)))
          .reverse();
        const filters: Record<string, string> = {};
        for (const key of ['To', 'From', 'DateSent', 'DateSent<', 'DateSent>']) {
          const v = first(q[key]);
          if (v) filters[key] = v;
        }
        return pageOf({ path: pathOf(request), filters, ...paging(q) }, 'messages', items, messageJson);
      });

      api.get<{ Params: AccountParams & { file: string } }>('/Accounts/:AccountSid/Messages/:file', async (request) => {
        const account = accountOf(request);
        const sid = request.params.file.replace(/\.json$/, '');
        if (sid === request.params.file) throw errors.notFound(pathOf(request));
        return messageJson(messageOf(account.accountSid, sid, pathOf(request)));
      });

      api.get<{ Params: AccountParams & { MessageSid: string }; Querystring: Query }>(
        '/Accounts/:AccountSid/Messages/:MessageSid/Media.json',
        async (request) => {
          const account = accountOf(request);
          const m = messageOf(account.accountSid, request.params.MessageSid, pathOf(request));
          return pageOf({ path: mediaListUri(m), filters: {}, ...paging(request.query) }, 'media_list', [...m.media].reverse(), mediaJson);
        },
      );

      // Without an extension Twilio answers with the file itself; its bytes sit behind a
      // short-lived redirect, as Twilio's media URLs redirect to a temporary signed location.
      api.get<{ Params: AccountParams & { MessageSid: string; file: string } }>(
        '/Accounts/:AccountSid/Messages/:MessageSid/Media/:file',
        async (request, reply) => {
          const account = accountOf(request);
          const m = messageOf(account.accountSid, request.params.MessageSid, pathOf(request));
          const json = request.params.file.endsWith('.json');
          const me = m.media.find((x) => x.sid === request.params.file.replace(/\.json$/, ''));
          if (!me) throw errors.notFound(pathOf(request));
          if (json) return mediaJson(me);
          const expires = Date.now() + 4 * 3_600_000;
          return reply.redirect(`/emulator/media-cdn/${me.sid}/${expires}/${sign(me.sid, expires)}`, 307);
        },
      );
    },
    { prefix: `/${API_VERSION}` },
  );

  app.get<{ Params: { sid: string; expires: string; signature: string } }>(
    '/emulator/media-cdn/:sid/:expires/:signature',
    async (request, reply) => {
      const { sid, expires, signature } = request.params;
      const me = core.state.media(sid);
      if (!me || Number(expires) < Date.now() || sign(sid, Number(expires)) !== signature) {
        return reply.status(403).type('application/xml').send('<Error><Code>AccessDenied</Code></Error>');
      }
      if (me.filename) reply.header('content-disposition', `inline; filename="${me.filename.replace(/"/g, '')}"`);
      return reply.type(me.contentType).header('cache-control', 'private, max-age=14400').send(me.bytes);
    },
  );
}
