import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authRoutes } from './auth/routes.js';
import type { Services } from './context.js';
import { contactRoutes } from './contacts/routes.js';
import { attachmentRoutes } from './attachments/routes.js';
import { publicFileRoutes } from './attachments/public-routes.js';
import { conversationRoutes } from './conversations/routes.js';
import { erpRoutes } from './erp/routes.js';
import { authHook } from './http/auth.js';
import { errorHandler } from './http/error-handler.js';
import type { App } from './http/types.js';
import { preferenceRoutes } from './preferences/routes.js';
import { eventRoutes } from './realtime/routes.js';
import { twilioSettingsRoutes } from './texting/settings/routes.js';
import { twilioWebhookRoutes } from './texting/webhooks/routes.js';
import { userRoutes } from './users/routes.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built web app: dist/web, found from both server/ (tsx) and dist/server/ (compiled). */
export function webRoot(): string | null {
  for (const candidate of [path.resolve(here, '../dist/web'), path.resolve(here, '../web')]) {
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

export interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'] | false;
  /** Serve the built web app (off in API tests that do not need it). */
  serveWeb?: boolean;
  /** Registers extra routes (the built-in Twilio emulator) before the app's own. */
  beforeRoutes?: (app: App) => Promise<void>;
}

/** Builds the HTTP application on the given services; it does not listen. */
export async function buildApp(services: Services, options: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({
    loggerInstance: options.logger === false ? undefined : services.log,
    logger: options.logger === false ? false : undefined,
    trustProxy: services.config.trustProxy,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: 'idle',
  } as FastifyServerOptions).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Switchboard API', version: '0.1.0', description: 'Conversations with staff, customers and vendors.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sb_session' } } },
    },
    transform: jsonSchemaTransform,
  });

  if (options.beforeRoutes) await options.beforeRoutes(app);
  app.addHook('onRequest', authHook(services));

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await services.database.ping();
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ error: { code: 'SERVICE_UNAVAILABLE', message: 'The database is not reachable.' } });
    }
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true, response: { 200: z.unknown() } } }, async () =>
    app.swagger(),
  );

  await authRoutes(app, services);
  await userRoutes(app, services);
  await erpRoutes(app, services);
  await preferenceRoutes(app, services);
  await conversationRoutes(app, services);
  await eventRoutes(app, services);
  await twilioWebhookRoutes(app, services);
  await twilioSettingsRoutes(app, services);
  await contactRoutes(app, services);
  await attachmentRoutes(app, services);
  await publicFileRoutes(app, services);

  const root = options.serveWeb === false ? null : webRoot();
  if (root) {
    await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && root;
    if (wantsPage) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${request.url.split('?')[0]}.` } });
  });
  return app;
}
