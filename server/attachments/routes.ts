import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatBytes } from '../../core/attachments.js';
import type { Services } from '../context.js';
import { ctxOf } from '../http/auth.js';
import { errorOut } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { AppError } from '../errors.js';
import { discardUpload } from './commands/discard-upload.js';
import { retryMediaFetch } from './commands/retry-fetch.js';
import { uploadAttachment } from './commands/upload-attachment.js';
import { attachmentOut } from './presenters.js';
import { findReadableAttachment } from './queries/find-attachment.js';
import { sendFile } from './send-file.js';
import { MMS_IMAGE_TYPES, downloadName } from '../../core/attachments.js';

const tags = ['attachments'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

/**
 * Staff attachment routes: upload (the raw bytes as the body, the name in `?name=`), discard an
 * unsent upload, read the original or its thumbnail, retry fetching inbound media.
 */
export async function attachmentRoutes(app: App, s: Services) {
  const limitText = formatBytes(s.config.uploadMaxBytes);
  await app.register(async (scope) => {
    // Any body is a file's bytes here, whatever type the browser claims; the type is sniffed.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: s.config.uploadMaxBytes }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/attachments', {
      bodyLimit: s.config.uploadMaxBytes,
      config: { tooLargeMessage: `The file is larger than the ${limitText} upload limit.` },
      schema: {
        tags,
        description: `Upload a file (at most ${limitText}) to attach to a message: the file's bytes are the request body, its name the \`name\` query parameter.`,
        querystring: z.object({ name: z.string().max(1000) }),
        response: { 201: attachmentOut, 400: errorOut, 413: errorOut },
      },
    }, async (request, reply) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return reply.status(201).send(await uploadAttachment(ctxOf(s, request), { fileName: request.query.name, bytes }));
    });
  });

  app.delete('/api/attachments/:id', {
    schema: { tags, params: idParams, response: { 204: z.null(), 404: errorOut, 409: errorOut } },
  }, async (request, reply) => {
    await discardUpload(ctxOf(s, request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/attachments/:id/retry', {
    schema: { tags, params: idParams, response: { 200: attachmentOut, 404: errorOut, 409: errorOut } },
  }, async (request) => retryMediaFetch(ctxOf(s, request), request.params.id));

  app.get('/api/attachments/:id/file', {
    schema: { tags, params: idParams, querystring: z.object({ download: z.enum(['0', '1']).optional() }), response: { 404: errorOut } },
  }, async (request, reply) => {
    const a = await findReadableAttachment(s.db, ctxOf(s, request).actor, request.params.id);
    const bytes = a.storage_key ? await s.files.get(a.storage_key) : null;
    if (!bytes) throw new AppError('NOT_FOUND', a.fetch_status && a.fetch_status !== 'fetched' ? 'This attachment has not been downloaded from Twilio.' : 'The file of this attachment is missing.');
    // Only pictures a browser shows are shown in place; everything else is saved.
    const inline = request.query.download !== '1' && MMS_IMAGE_TYPES.has(a.content_type);
    return sendFile(reply, bytes, { contentType: a.content_type, fileName: inline ? a.file_name : downloadName(a.file_name, a.content_type), disposition: inline ? 'inline' : 'attachment' });
  });

  app.get('/api/attachments/:id/view', {
    schema: { tags, description: 'A picture browsers cannot show (HEIC, TIFF, …) as JPEG: its MMS copy, else its thumbnail.', params: idParams, response: { 404: errorOut } },
  }, async (request, reply) => {
    const a = await findReadableAttachment(s.db, ctxOf(s, request).actor, request.params.id);
    const key = a.mms_key ?? a.thumbnail_key;
    const bytes = key ? await s.files.get(key) : null;
    if (!bytes) throw new AppError('NOT_FOUND', 'This attachment has no picture to show.');
    return sendFile(reply, bytes, { contentType: 'image/jpeg', fileName: `${a.file_name.replace(/\.[^.]*$/, '')}.jpg`, disposition: 'inline' });
  });

  app.get('/api/attachments/:id/thumbnail', {
    schema: { tags, params: idParams, response: { 404: errorOut } },
  }, async (request, reply) => {
    const a = await findReadableAttachment(s.db, ctxOf(s, request).actor, request.params.id);
    const bytes = a.thumbnail_key ? await s.files.get(a.thumbnail_key) : null;
    if (!bytes) throw new AppError('NOT_FOUND', 'This attachment has no thumbnail.');
    return sendFile(reply, bytes, { contentType: 'image/jpeg', fileName: `${a.file_name.replace(/\.[^.]*$/, '')}-thumbnail.jpg`, disposition: 'inline' });
  });
}
