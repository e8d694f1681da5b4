import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { ApiError } from '../api/client';
import { useContactSearch } from '../api/contacts';
import { useAddPhoneNumber, usePhoneSuggestions } from '../api/conversations';
import type { ConversationChange } from '../api/types';
import { useDebounced } from '../lib/hooks';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner, FieldError } from '../ui/Feedback';

interface AddPhoneNumberDialogProps {
  conversationId: number;
  /** Numbers already in the conversation (E.164): not offered again. */
  current: readonly string[];
  onClose: () => void;
  /** Called with the conversation to show next (this one, an existing thread, or a new one). */
  onAdded: (c: ConversationChange) => void;
}

/**
 * "Add Phone Number" (the "Add Recipient" window): a number typed in any common format
 * (normalised by the server in the company's default region), an existing Contact Card found by
 * name, company, label or digits, or a number suggested from the customers, vendors and
 * transactions the conversation is tagged with. The server's refusal is shown as it words it.
 */
export function AddPhoneNumberDialog({
  conversationId,
  current,
  onClose,
  onAdded,
}: AddPhoneNumberDialogProps) {
  const add = useAddPhoneNumber(conversationId);
  const suggestions = usePhoneSuggestions(conversationId);
  const [number, setNumber] = useState('');
  const [missing, setMissing] = useState(false);
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 200);
  const contacts = useContactSearch(query, query.length > 0);
  const ids = { input: useId(), error: useId(), search: useId() };

  // An invalid typed number is the input's own problem; anything else (already texted…) is the dialog's.
  const invalid =
    add.error instanceof ApiError &&
    add.error.code === 'INVALID_PHONE_NUMBER' &&
    add.variables?.[0] === number.trim()
      ? add.error.message
      : null;
  const fieldMessage = missing ? 'Enter a phone number.' : (invalid ?? undefined);

  const addNumber = (n: string) => {
    add.mutate([n], {
      onSuccess: onAdded,
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'INVALID_PHONE_NUMBER')
          document.getElementById(ids.input)?.focus();
      },
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!number.trim()) {
      setMissing(true);
      document.getElementById(ids.input)?.focus();
      return;
    }
    addNumber(number.trim());
  };

  const suggested = (suggestions.data?.items ?? []).filter((s) => !current.includes(s.phoneNumber));
  const found = query ? (contacts.data?.items ?? []).filter((c) => !current.includes(c.phoneNumber)) : [];

  return (
    <Dialog title="Add Recipient" onClose={onClose} className="dialog-wide">
      <form onSubmit={submit} noValidate className="form-grid">
        {add.isError && !invalid && <ErrorBanner error={add.error} />}
        <label htmlFor={ids.input}>Phone number</label>
        <div>
          <div className="inline-form">
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
            <button type="submit" className="primary" disabled={add.isPending}>
              {add.isPending ? 'Adding…' : 'Add'}
            </button>
          </div>
          <FieldError id={ids.error} message={fieldMessage} />
        </div>

        <label htmlFor={ids.search}>Search contacts</label>
        <div>
          <input
            id={ids.search}
            type="search"
            autoComplete="off"
            placeholder="Name, company, label or digits"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              // Enter picks the first contact found rather than submitting the typed number.
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (found[0] && !add.isPending) addNumber(found[0].phoneNumber);
            }}
          />
          {query && (
            <div className="pick-list" role="group" aria-label="Contacts found">
              {found.map((c) => (
                <button
                  type="button"
                  key={c.phoneNumber}
                  className="pick-button"
                  data-testid="contact-result"
                  disabled={add.isPending}
                  onClick={() => addNumber(c.phoneNumber)}
                >
                  <span className="pick-button-main">{c.displayLabel}</span>
                  <span className="pick-button-detail">{c.formatted}</span>
                </button>
              ))}
              {found.length === 0 && (
                <div className="muted">{contacts.isFetching ? 'Searching…' : 'No contacts found.'}</div>
              )}
            </div>
          )}
        </div>

        <span className="form-label" id={`${ids.search}-suggested`}>
          Suggested
        </span>
        <div className="pick-list" role="group" aria-labelledby={`${ids.search}-suggested`}>
          {suggested.map((s) => (
            <button
              type="button"
              key={s.phoneNumber}
              className="pick-button"
              data-testid="phone-suggestion"
              disabled={add.isPending}
              onClick={() => addNumber(s.phoneNumber)}
            >
              <span className="pick-button-main">{s.formatted}</span>
              <span className="pick-button-detail">{s.source}</span>
            </button>
          ))}
          {suggested.length === 0 && (
            <div className="muted">
              {suggestions.isPending
                ? 'Loading…'
                : 'No suggestions: tag a customer, vendor or transaction to see its numbers here.'}
            </div>
          )}
        </div>

        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
