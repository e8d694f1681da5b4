import { useCallback, useState } from 'react';
import { ApiError } from '../api/client';

/** Field path → message, keyed without the "body." prefix: "name", "contactMethods.0.value". */
export type FieldErrors = Record<string, string>;

/** The per-field problems of a VALIDATION_FAILED answer, for showing beside each input. */
export function fieldErrorsOf(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!(err instanceof ApiError)) return out;
  for (const f of err.fields) {
    const key = f.field.replace(/^body\.?/, '');
    out[key] ??= f.message;
  }
  return out;
}

/** "is required" → "Name is required"; messages that are already sentences are kept. */
export function sentence(label: string, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return /^[A-Z]/.test(message) ? message : `${label} ${message}`;
}

/**
 * A form's field errors: set from its own checks or from the server's answer, and cleared field
 * by field as the user edits (a prefix clears a whole table, e.g. "contactMethods").
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const clear = useCallback((...prefixes: string[]) => {
    setErrors((current) => {
      const keys = Object.keys(current).filter((k) => prefixes.some((p) => k === p || k.startsWith(`${p}.`)));
      if (keys.length === 0) return current;
      const next = { ...current };
      for (const k of keys) delete next[k];
      return next;
    });
  }, []);
  const fromError = useCallback((err: unknown) => setErrors(fieldErrorsOf(err)), []);
  return { errors, setErrors, clear, fromError, any: Object.keys(errors).length > 0 };
}
