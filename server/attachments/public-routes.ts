import { z } from 'zod';
import { downloadName } from '../../core/attachments.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../context.js';
import type { App } from '../http/types.js';
import { getPreferences } from '../preferences/queries/get-preferences.js';
import { downloadPage, expiredPage, unavailablePage } from './download-page.js';
import { linkTokenHash, mediaSignatureValid } from './public-links.js';
import { sendFile } from './send-file.js';

const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/**
 * What the outside world reaches without signing in, all under the Conversation Attachment URL:
 * the media of MMS pictures (for Twilio, which checks them with HEAD then GET) and the download
 * links of other files (a page, then the file), which stop working 14 days after sending.
 */
export async function publicFileRoutes(app: App, s: Services) {
  const notFound = (reply: FastifyReply) =>
    reply.status(404).header('cache-control', 'no-store').send({ error: { code: 'NOT_FOUND', message: 'There is no file at this address.' } });

  // GET also answers HEAD (same headers, no body), as Twilio checks a MediaUrl with both.
  app.get('/files/m/:id/:signature', {
    config: { public: true },
    schema: { hide: true, params: z.object({ id: z.string(), signature: z.string() }) },
  }, async (request, reply) => {
    const id = Number(request.params.id);
    if (!Number.isSafeInteger(id) || id <= 0 || !mediaSignatureValid(s.secrets, id, request.params.signature)) return notFound(reply);
    const a = await s.db.selectFrom('attachments').selectAll().where('id', '=', id).where('deleted_at', 'is', null).where('send_as', '=', 'mms').executeTakeFirst();
    const key = a ? (a.mms_key ?? a.storage_key) : null;
    const bytes = key ? await s.files.get(key) : null;
    if (!a || !bytes) return notFound(reply);
    const contentType = a.mms_key ? (a.mms_content_type ?? 'image/jpeg') : a.content_type;
    const fileName = a.mms_key ? a.file_name.replace(/\.[^.]*$/, '') + '.jpg' : a.file_name;
    return sendFile(reply, bytes, { contentType, fileName, disposition: 'inline' });
  });

  type LinkRequest = FastifyRequest<{ Params: { token: string } }>;
  /** The link's attachment when it may be used; otherwise the page is answered and null returned. */
  async function openLink(request: LinkRequest, reply: FastifyReply, kind: 'page' | 'download') {
    const prefs = await getPreferences(s.db);
    const html = (status: number, body: string) => reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send(body);
    const token = request.params.token;
    const a = TOKEN.test(token)
      ? await s.db.selectFrom('attachments').selectAll().where('link_token_hash', '=', linkTokenHash(token)).where('send_as', '=', 'link').executeTakeFirst()
      : undefined;
    if (!a || a.deleted_at || !a.storage_key) return { done: html(a ? 410 : 404, unavailablePage(prefs.companyName)) };
    const now = s.clock.now().toISOString();
    if (!a.link_expires_at || a.link_expires_at <= now) return { done: html(410, expiredPage(prefs.companyName)) };
    await s.db.insertInto('attachment_opens').values({ attachment_id: a.id, kind, opened_at: now, user_agent: request.headers['user-agent']?.slice(0, 300) ?? null }).execute();
    return { a, prefs, html };
  }

  app.get<{ Params: { token: string } }>('/files/d/:token', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const opened = await openLink(request, reply, 'page');
    if ('done' in opened) return opened.done;
    const { a, prefs, html } = opened;
    return html(200, downloadPage({ token: request.params.token, fileName: a.file_name, size: a.size, contentType: a.content_type, expiresAt: a.link_expires_at, timeZone: prefs.timeZone }, prefs.companyName));
  });

  app.get<{ Params: { token: string } }>('/files/d/:token/download', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const opened = await openLink(request, reply, 'download');
    if ('done' in opened) return opened.done;
    const bytes = await s.files.get(opened.a.storage_key!);
    if (!bytes) return opened.html(410, unavailablePage(opened.prefs.companyName));
    return sendFile(reply, bytes, { contentType: opened.a.content_type, fileName: downloadName(opened.a.file_name, opened.a.content_type), disposition: 'attachment' });
  });
}
