import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { phoneView, phonesJson } from './admin-json.js';
import { RESERVED_NUMBERS } from './constants.js';
import type { TwilioEmulator } from './emulator.js';
import { E164, isValidDestination } from './format.js';
import { PhoneSendError } from './inbound.js';
import { messageJson } from './message-json.js';
import { receiveFromPhone } from './inbound.js';
import type { EmulatorEvent } from './state.js';

const numberSchema = z.object({
  phoneNumber: z.string().regex(E164),
  messagingServiceSid: z.string().regex(/^MG[0-9a-fA-F]{32}$/).optional(),
  smsUrl: z.string().url().optional(),
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/).optional(),
});
const sendSchema = z.object({
  to: z.string().optional(),
  body: z.string().optional(),
  media: z
    .array(z.object({ contentType: z.string().min(1), data: z.string().min(1), filename: z.string().optional() }))
    .max(10)
    .optional(),
});
const faultSchema = z.object({
  failNextCreates: z.number().int().min(1).max(100),
  status: z.union([z.literal(500), z.literal(503), z.literal(429)]).default(500),
  code: z.number().int().optional(),
});

class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new AdminError(400, 'VALIDATION_FAILED', `${first?.path.join('.') || 'body'}: ${first?.message ?? 'invalid'}`);
  }
  return result.data;
}

const HEARTBEAT_MS = 20_000;
// A phone's MMS is at most 5 MB, which base64 makes about 6.7 MB.
const SEND_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * The emulator's own JSON API under `/emulator/api` (not Twilio's wire): phones and their
 * messages, sending as a phone, numbers, faults, reset, and a Server-Sent Events stream.
 * Errors are `{ error: { code, message } }` like the app's.
 */
export async function adminRoutes(app: FastifyInstance, emulator: TwilioEmulator): Promise<void> {
  const { core } = emulator;
  const { state } = core;
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    open.clear();
  });

  await app.register(
    async (api) => {
      api.setErrorHandler((err: unknown, _request, reply: FastifyReply) => {
        if (err instanceof AdminError) return reply.status(err.status).send({ error: { code: err.code, message: err.message } });
        if (err instanceof PhoneSendError) return reply.status(400).send({ error: { code: 'SEND_REFUSED', message: err.message } });
        const status = typeof err === 'object' && err && 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
        const message = err instanceof Error ? err.message : 'Internal error';
        return reply.status(status).send({ error: { code: status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', message } });
      });
      api.setNotFoundHandler((request, reply) =>
        reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${request.url.split('?')[0]}.` } }),
      );

      api.get('/state', async () => ({
        accounts: emulator.accounts.map((a) => ({ accountSid: a.accountSid })),
        numbers: emulator.numbers(),
        phones: phonesJson(state),
        reservedNumbers: RESERVED_NUMBERS,
        faults: emulator.faults.snapshot(),
        publicUrl: emulator.publicUrl,
      }));
      api.get('/reserved-numbers', async () => ({ reservedNumbers: RESERVED_NUMBERS }));

      api.get('/phones', async () => ({ phones: phonesJson(state) }));
      api.post('/phones', async (request, reply) => {
        const { phoneNumber } = parse(z.object({ phoneNumber: z.string().trim() }), request.body);
        if (!isValidDestination(phoneNumber)) throw new AdminError(400, 'INVALID_NUMBER', `${phoneNumber} is not a valid mobile number (E.164).`);
        state.addPhone(phoneNumber);
        return reply.status(201).send(phoneView(state, phoneNumber));
      });
      api.delete<{ Params: { phone: string } }>('/phones/:phone', async (request, reply) => {
        state.removePhone(request.params.phone);
        return reply.status(204).send();
      });
      api.get<{ Params: { phone: string } }>('/phones/:phone/messages', async (request) => phoneView(state, request.params.phone));
      api.post<{ Params: { phone: string } }>('/phones/:phone/messages', { bodyLimit: SEND_BODY_LIMIT }, async (request, reply) => {
        const input = parse(sendSchema, request.body);
        const media = (input.media ?? []).map((m) => ({ contentType: m.contentType, data: Buffer.from(m.data, 'base64'), filename: m.filename }));
        const { message } = receiveFromPhone(core, emulator.carrier, request.params.phone, { to: input.to, body: input.body, media });
        return reply.status(202).send({ message: messageJson(message) });
      });

      api.get<{ Params: { sid: string } }>('/media/:sid', async (request, reply) => {
        const me = state.media(request.params.sid);
        if (!me) throw new AdminError(404, 'NOT_FOUND', 'No such media.');
        return reply.type(me.contentType).send(me.bytes);
      });

      api.get('/messages', async () => ({ messages: emulator.messages() }));
      api.get('/deliveries', async () => ({ deliveries: emulator.deliveries() }));
      api.get('/requests', async () => ({ requests: emulator.apiRequests() }));
      api.get('/numbers', async () => ({ numbers: emulator.numbers() }));
      api.put('/numbers', async (request) => {
        const { numbers } = parse(z.object({ numbers: z.array(numberSchema).min(1) }), request.body);
        emulator.setNumbers(numbers);
        return { numbers: emulator.numbers() };
      });

      api.get('/faults', async () => emulator.faults.snapshot());
      api.post('/faults', async (request, reply) => {
        const f = parse(faultSchema, request.body);
        emulator.faults.failNextCreates(f.failNextCreates, { status: f.status, ...(f.code ? { code: f.code } : {}) });
        return reply.status(201).send(emulator.faults.snapshot());
      });
      api.delete('/faults', async (_request, reply) => {
        emulator.faults.clear();
        return reply.status(204).send();
      });
      api.post('/reset', async (_request, reply) => {
        emulator.reset();
        return reply.status(204).send();
      });

      api.get('/events', async (_request, reply) => {
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-cache, no-transform',
          Connection: 'keep-alive',
          'X-Accel-Buffering': 'no',
        });
        const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        open.add(res);
        send('ready', {});
        const listener = (e: EmulatorEvent) => send(e.type, e);
        state.events.on('event', listener);
        const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
        heartbeat.unref();
        const cleanup = () => {
          clearInterval(heartbeat);
          state.events.off('event', listener);
          open.delete(res);
        };
        res.on('close', cleanup);
        res.on('error', cleanup);
      });
    },
    { prefix: '/emulator/api' },
  );
}
