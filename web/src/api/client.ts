import type { ErrorCode } from '../../../core/errors';

/** One field problem from a VALIDATION_FAILED answer, e.g. { field: 'body.name', message: 'is required' }. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An error answered by the API (or a network failure, code 'NETWORK'). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly fields: FieldProblem[] = [],
    /** The answer's `error.details`, e.g. { numbers, message } of OPT_IN_REQUIRED. */
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken = '';
let csrfHeader = 'x-csrf-token';
let onUnauthorized: () => void = () => {};

/** Remembers the session's CSRF token; every state-changing request echoes it. */
export function setCsrf(token: string, header = 'x-csrf-token'): void {
  csrfToken = token;
  csrfHeader = header;
}

/** What to do when any request answers 401: the app shows the sign-in screen. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /** Do not call the unauthorized handler on 401 (sign-in and session probes). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

function parseFields(details: unknown): FieldProblem[] {
  if (!details || typeof details !== 'object' || !('fields' in details)) return [];
  const fields = (details as { fields: unknown }).fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter(
    (f): f is FieldProblem =>
      !!f && typeof f === 'object' && typeof f.field === 'string' && typeof f.message === 'string',
  );
}

/** The headers a state-changing request carries besides its own: the session's CSRF token. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { [csrfHeader]: csrfToken } : {};
}

/** The network failure every request reports the same way. */
export const networkError = () =>
  new ApiError(0, 'NETWORK', 'The server could not be reached. Check your connection and try again.');

/**
 * The ApiError for an answer that is not OK, from its status and raw body text
 * (`{ error: { code, message, details } }`); a 401 also calls the unauthorized handler.
 */
export function errorFromAnswer(
  status: number,
  statusText: string,
  text: string,
  quiet401 = false,
): ApiError {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const err = (body as { error?: { code?: ErrorCode; message?: string; details?: unknown } } | null)?.error;
  if (status === 401 && !quiet401) onUnauthorized();
  return new ApiError(
    status,
    err?.code ?? 'INTERNAL',
    err?.message ?? `The server answered ${status} ${statusText}.`,
    parseFields(err?.details),
    err?.details,
  );
}

/** Sends one JSON request to the API and returns the parsed body (undefined for 204). */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') Object.assign(headers, csrfHeaders());
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw networkError();
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!res.ok) throw errorFromAnswer(res.status, res.statusText, text, options.quiet401);
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, { signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds a query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** The message to show for any error a query or mutation produced. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}
