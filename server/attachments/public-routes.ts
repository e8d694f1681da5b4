import { z } from 'zod';
import { downloadName } from '../../core/attachments.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../context.js';
import type { App } from '../http/types.js';
import { getPreferences } from '../preferences/queries/get-preferences.js';
import { downloadPage, expiredPage, unavailablePage } from './download-page.js';
import { openDownloadLink } from './commands/open-download-link.js';
import { mmsMedia } from './queries/attachment-files.js';
import { sendFile } from './send-file.js';

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
    const file = await mmsMedia(s, Number(request.params.id), request.params.signature);
    return file ? sendFile(reply, file) : notFound(reply);
  });

  /** A download link's page or file: answers the page itself when the link cannot be used. */
  async function serveLink(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply, kind: 'page' | 'download') {
    const [opened, prefs] = await Promise.all([openDownloadLink(s, request.params.token, kind, request.headers['user-agent']), getPreferences(s.db)]);
    const html = (status: number, body: string) =>
      reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send(body);
    if (opened.outcome === 'unknown') return html(404, unavailablePage(prefs.companyName));
    if (opened.outcome === 'removed') return html(410, unavailablePage(prefs.companyName));
    if (opened.outcome === 'expired') return html(410, expiredPage(prefs.companyName));
    const a = opened.attachment;
    if (kind === 'page') {
      return html(200, downloadPage({ token: request.params.token, fileName: a.file_name, size: a.size, contentType: a.content_type, expiresAt: a.link_expires_at, timeZone: prefs.timeZone }, prefs.companyName));
    }
    return sendFile(reply, { bytes: opened.bytes!, contentType: a.content_type, fileName: downloadName(a.file_name, a.content_type), disposition: 'attachment' });
  }

  app.get<{ Params: { token: string } }>('/files/d/:token', { config: { public: true }, schema: { hide: true } }, (request, reply) => serveLink(request, reply, 'page'));
  app.get<{ Params: { token: string } }>('/files/d/:token/download', { config: { public: true }, schema: { hide: true } }, (request, reply) => serveLink(request, reply, 'download'));
}
