import type { ReactNode } from 'react';
import { errorMessage } from '../api/client';

/** An error box for a failed load or save; role=alert so it is announced. */
export function ErrorBanner({ error, children }: { error?: unknown; children?: ReactNode }) {
  if (!error && !children) return null;
  return (
    <div className="banner banner-error" role="alert">
      {children ?? errorMessage(error)}
    </div>
  );
}

/** A field's validation message, linked to its input by id (aria-describedby). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <div id={id} className="field-error">
      {message}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      {label}
    </div>
  );
}

/** A transient confirmation such as "Saved.", announced politely. */
export function StatusNote({ text, tone = 'ok' }: { text: string | null; tone?: 'ok' | 'pending' }) {
  return (
    <span className={`status-note status-${tone}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}
