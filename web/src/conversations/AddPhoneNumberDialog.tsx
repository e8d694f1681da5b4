import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { ApiError } from '../api/client';
import { useAddPhoneNumber } from '../api/conversations';
import type { Conversation } from '../api/types';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner, FieldError } from '../ui/Feedback';

interface AddPhoneNumberDialogProps {
  conversationId: number;
  onClose: () => void;
  /** Called with the conversation the number now belongs to. */
  onAdded: (c: Conversation) => void;
}

/**
 * "Add Phone Number": a number typed in any common format, normalised by the server in the
 * company's default region. The server's refusal is shown as it words it. (Picking from contacts
 * and suggested numbers will join the typed entry here.)
 */
export function AddPhoneNumberDialog({ conversationId, onClose, onAdded }: AddPhoneNumberDialogProps) {
  const add = useAddPhoneNumber(conversationId);
  const [number, setNumber] = useState('');
  const [missing, setMissing] = useState(false);
  const ids = { input: useId(), error: useId() };

  // An invalid number is the input's own problem; anything else (already texted…) is the dialog's.
  const invalid =
    add.error instanceof ApiError && add.error.code === 'INVALID_PHONE_NUMBER' ? add.error.message : null;
  const fieldMessage = missing ? 'Enter a phone number.' : (invalid ?? undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!number.trim()) {
      setMissing(true);
      document.getElementById(ids.input)?.focus();
      return;
    }
    add.mutate(number.trim(), {
      onSuccess: onAdded,
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'INVALID_PHONE_NUMBER')
          document.getElementById(ids.input)?.focus();
      },
    });
  };

  return (
    <Dialog title="Add Recipient" onClose={onClose}>
      <form onSubmit={submit} noValidate className="form-grid">
        {add.isError && !invalid && <ErrorBanner error={add.error} />}
        <label htmlFor={ids.input}>Phone number</label>
        <div>
          <input
            id={ids.input}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            placeholder="(201) 555-0123"
            value={number}
            autoFocus
            onChange={(e) => {
              setNumber(e.target.value);
              setMissing(false);
              if (add.isError) add.reset();
            }}
            aria-invalid={!!fieldMessage || undefined}
            aria-describedby={fieldMessage ? ids.error : undefined}
          />
          <FieldError id={ids.error} message={fieldMessage} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
