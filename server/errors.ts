import type { ErrorCode } from '../core/errors.js';

/** HTTP status for each error code: the one table that maps domain errors to HTTP. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_PHONE_NUMBER: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TEXTING_NOT_CONFIGURED: 409,
  TEXTING_DISABLED: 409,
  UNSUBSCRIBED: 409,
  OPT_IN_REQUIRED: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  LOGIN_THROTTLED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};

/** The one error type commands throw; routes never build error responses by hand. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'You do not have permission to do that.') =>
  new AppError('FORBIDDEN', message);
