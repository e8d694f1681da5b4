import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatBytes } from '../../core/attachments.js';
import type { Services } from '../context.js';
import { ctxOf } from '../http/auth.js';
import { errorOut } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { discardUpload } from './commands/discard-upload.js';
import { retryMediaFetch } from './commands/retry-fetch.js';
import { uploadAttachment } from './commands/upload-attachment.js';
import { attachmentOut } from './presenters.js';
import { attachmentFile } from './queries/attachment-files.js';
import { sendFile } from './send-file.js';

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
  }, async (request, reply) => sendFile(reply, await attachmentFile(s, ctxOf(s, request).actor, request.params.id, 'original', request.query.download === '1')));

  app.get('/api/attachments/:id/view', {
    schema: { tags, description: 'A picture browsers cannot show (HEIC, TIFF, …) as JPEG: its MMS copy, else its thumbnail.', params: idParams, response: { 404: errorOut } },
  }, async (request, reply) => sendFile(reply, await attachmentFile(s, ctxOf(s, request).actor, request.params.id, 'view')));

  app.get('/api/attachments/:id/thumbnail', {
    schema: { tags, params: idParams, response: { 404: errorOut } },
  }, async (request, reply) => sendFile(reply, await attachmentFile(s, ctxOf(s, request).actor, request.params.id, 'thumbnail')));
}
