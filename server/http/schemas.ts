import { z } from 'zod';
import { ERROR_CODES } from '../../core/errors.js';

/** The error body, for route response schemas and the OpenAPI document. */
export const errorOut = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() }),
});

export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** A page of results with an opaque continuation cursor. */
export const pageQuery = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Optional trimmed text: blank becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => (v == null || v.trim() === '' ? null : v.trim()));

export const requiredText = (max: number) => z.string().trim().min(1, 'is required').max(max);
