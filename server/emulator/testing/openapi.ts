import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/** Twilio's OpenAPI description of API v2010, as shipped in @twilio-alpha/mcp. */
export const SPEC_PATH = require.resolve('@twilio-alpha/mcp/twilio-oai/spec/json/twilio_api_v2010.json');

interface Spec {
  components: { schemas: Record<string, unknown> };
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema: unknown }> }>; requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> }; parameters?: { name: string; in: string }[] }>>;
}

export const spec = JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8')) as Spec;

const RFC_2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/;

function makeAjv(coerce: boolean): Ajv {
  // OpenAPI 3.0 schemas: `nullable`, Twilio's own formats and `x-twilio` annotations.
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: coerce ? 'array' : false });
  ajv.addFormat('date-time-rfc-2822', RFC_2822);
  ajv.addFormat('phone-number', /^\+[1-9]\d{1,14}$/);
  ajv.addFormat('currency', /^[A-Z]{3}$/);
  ajv.addFormat('uri-map', true);
  // Twilio's `uri` fields are paths relative to https://api.twilio.com.
  ajv.addFormat('uri', (v: string) => /^(https?:\/\/[^\s]+|\/[^\s]*)$/.test(v));
  ajv.addFormat('date-time', (v: string) => !Number.isNaN(Date.parse(v)));
  ajv.addFormat('int64', true);
  ajv.addSchema({ $id: 'twilio-v2010', components: spec.components }, 'twilio-v2010');
  return ajv;
}

const responseAjv = makeAjv(false);
const requestAjv = makeAjv(true);

/** Rewrites local `#/components/...` refs to the registered spec so an extracted schema resolves. */
function anchored(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"twilio-v2010#/components/'));
}

const cache = new Map<string, ValidateFunction>();

/** The validator of an operation's response body (`path` as in the spec, e.g. /2010-04-01/Accounts/{AccountSid}/Messages.json). */
export function responseValidator(path: string, method: 'get' | 'post', status: string): ValidateFunction {
  const key = `res ${method} ${path} ${status}`;
  let v = cache.get(key);
  if (!v) {
    const schema = spec.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`no response schema for ${key}`);
    v = responseAjv.compile(anchored(schema) as object);
    cache.set(key, v);
  }
  return v;
}

/** The form schema of Messages create (`CreateMessageRequest`). */
export const createMessageRequestSchema = spec.paths['/2010-04-01/Accounts/{AccountSid}/Messages.json']!.post!.requestBody!.content[
  'application/x-www-form-urlencoded'
]!.schema;

let requestValidator: ValidateFunction | undefined;
/** Validates form params (strings, repeated keys as lists) against CreateMessageRequest, coercing like a form. */
export function validateCreateRequest(params: Record<string, unknown>): { ok: boolean; errors: string } {
  requestValidator ??= requestAjv.compile({ ...(anchored(createMessageRequestSchema) as object), additionalProperties: false });
  const copy = structuredClone(params);
  const ok = requestValidator(copy);
  return { ok, errors: requestAjv.errorsText(requestValidator.errors) };
}

/** Validates a response body, returning Ajv's error text when it does not fit. */
export function checkResponse(path: string, method: 'get' | 'post', status: string, body: unknown): string | null {
  const v = responseValidator(path, method, status);
  return v(body) ? null : responseAjv.errorsText(v.errors);
}
