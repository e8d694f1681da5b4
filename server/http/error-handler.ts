import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../core/errors.js';
import { AppError } from '../errors.js';

interface FieldProblem {
  field: string;
  message: string;
}

function fieldProblems(err: FastifyError, context: string): FieldProblem[] {
  return (err.validation ?? []).map((v) => {
    const where = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    return { field: where ? `${context}.${where}` : context, message: v.message ?? 'is invalid' };
  });
}

/** Turns every thrown error into `{ error: { code, message } }` with the code's HTTP status. */
export function errorHandler(err: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  let status: number;
  let body: ErrorBody;
  if (err instanceof AppError) {
    status = err.status;
    body = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
  } else if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = fieldProblems(err, err.validationContext ?? 'body');
    status = 400;
    body = {
      error: {
        code: 'VALIDATION_FAILED',
        message: `Invalid input: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`,
        details: { fields },
      },
    };
  } else if ('statusCode' in err && typeof err.statusCode === 'number' && err.statusCode < 500) {
    status = err.statusCode;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'VALIDATION_FAILED';
    // A route may word the size refusal for its users (the upload route names the limit).
    const tooLarge = status === 413 ? (request.routeOptions.config as { tooLargeMessage?: string } | undefined)?.tooLargeMessage : undefined;
    body = { error: { code, message: tooLarge ?? err.message } };
  } else {
    request.log.error({ err }, 'unhandled error');
    status = 500;
    body = { error: { code: 'INTERNAL', message: 'Something went wrong on the server. The error has been logged.' } };
  }
  return reply.status(status).send(body);
}
