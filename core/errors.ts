/** The closed set of error codes the API answers with. Stable: clients branch on them. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_PHONE_NUMBER',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'LOGIN_THROTTLED',
  'CSRF_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TEXTING_NOT_CONFIGURED',
  'TEXTING_DISABLED',
  'UNSUBSCRIBED',
  'OPT_IN_REQUIRED',
  'GONE',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The shape of every error response body. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
