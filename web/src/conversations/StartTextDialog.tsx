import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useConversationTypes } from '../api/admin';
import { useCompany } from '../api/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api/client';
import { conversationKeys, useCreateConversation } from '../api/conversations';
import type { Conversation, Tag } from '../api/types';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner, FieldError } from '../ui/Feedback';
import { sameTag } from './tags';
import { REDIRECTED_NOTICE } from './notices';
import type { NoticeState } from './notices';

/** A number of the customer or vendor, as its details window lists it. */
export interface PartyPhone {
  /** E.164. */
  number: string;
  /** As entered, e.g. (201) 555-0123. */
  formatted: string;
  /** Where it comes from, e.g. "Cell Phone (mobile)" or "Charles Babbage, Partner — Customer Contact". */
  source: string;
}

interface StartTextDialogProps {
  /** The customer or vendor whose window this is: the conversation is tagged with it. */
  tag: Tag;
  phones: PartyPhone[];
  onClose: () => void;
}

/**
 * "Add Phone Number" in Customer Details / Vendor details: texts one of the record's numbers (or
 * one typed in) in a conversation tagged with the record. A number that already has an open
 * conversation is continued there (the record is tagged on it if it was not).
 */
export function StartTextDialog({ tag, phones, onClose }: StartTextDialogProps) {
  const navigate = useNavigate();
  const company = useCompany();
  const types = useConversationTypes();
  const create = useCreateConversation();
  // Tags the record on the thread redirected to (its id is known only from the answer).
  const qc = useQueryClient();
  const addTag = useMutation({
    mutationFn: (input: { conversationId: number }) =>
      api.post<Conversation>(`/api/conversations/${input.conversationId}/tags`, {
        kind: tag.kind,
        id: tag.id,
      }),
    onSuccess: (c) => {
      qc.setQueryData(conversationKeys.one(c.id), c);
      void qc.invalidateQueries({ queryKey: conversationKeys.lists });
    },
  });
  const [number, setNumber] = useState('');
  const [subject, setSubject] = useState(tag.label);
  const [problem, setProblem] = useState<{ field: 'number' | 'subject'; message: string } | null>(null);
  const ids = { number: useId(), subject: useId() };

  const defaultType = (types.data ?? []).find(
    (t) => t.active && t.id === company.data?.defaultConversationTypeId,
  );

  const open = (c: Conversation, redirected: boolean) => {
    const state: NoticeState = redirected ? { notice: REDIRECTED_NOTICE } : {};
    onClose();
    navigate(`/conversations/${c.id}?status=all`, { state });
  };

  const start = (phone: string) => {
    if (!subject.trim()) {
      setProblem({ field: 'subject', message: 'Subject is required.' });
      document.getElementById(ids.subject)?.focus();
      return;
    }
    setProblem(null);
    create.mutate(
      {
        subject: subject.trim(),
        typeId: defaultType?.id ?? null,
        tags: [{ kind: tag.kind, id: tag.id }],
        phoneNumbers: [phone],
      },
      {
        onSuccess: (c) => {
          const redirected = !!c.redirected;
          // The number's existing thread is about this record too: tag it there (the server only
          // tags new conversations).
          if (redirected && !c.tags.some((t) => sameTag(t, tag))) {
            addTag.mutate({ conversationId: c.id }, { onSettled: () => open(c, true) });
            return;
          }
          open(c, redirected);
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'INVALID_PHONE_NUMBER') {
            setProblem({ field: 'number', message: err.message });
            document.getElementById(ids.number)?.focus();
          }
        },
      },
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!number.trim()) {
      setProblem({ field: 'number', message: 'Enter a phone number.' });
      document.getElementById(ids.number)?.focus();
      return;
    }
    start(number.trim());
  };

  const busy = create.isPending || addTag.isPending;
  const numberError = problem?.field === 'number' ? problem.message : undefined;
  const subjectError = problem?.field === 'subject' ? problem.message : undefined;
  const otherError =
    create.error instanceof ApiError && create.error.code === 'INVALID_PHONE_NUMBER' ? null : create.error;

  return (
    <Dialog title="Add Phone Number" onClose={onClose} className="dialog-wide">
      <form onSubmit={submit} noValidate className="form-grid">
        <ErrorBanner error={otherError} />
        <div className="form-note">
          Starts a text conversation tagged with {tag.label}, or continues the one the number already has.
        </div>
        <label htmlFor={ids.subject}>Subject</label>
        <div>
          <input
            id={ids.subject}
            value={subject}
            maxLength={200}
            onChange={(e) => {
              setSubject(e.target.value);
              if (subjectError) setProblem(null);
            }}
            aria-invalid={!!subjectError || undefined}
          />
          <FieldError id={`${ids.subject}-error`} message={subjectError} />
        </div>
        <span className="form-label" id={`${ids.number}-suggested`}>
          Suggested
        </span>
        <div className="pick-list" role="group" aria-labelledby={`${ids.number}-suggested`}>
          {phones.map((p) => (
            <button
              type="button"
              key={p.number}
              className="pick-button"
              data-testid="phone-suggestion"
              disabled={busy}
              onClick={() => start(p.number)}
            >
              <span className="pick-button-main">{p.formatted}</span>
              <span className="pick-button-detail">{p.source}</span>
            </button>
          ))}
          {phones.length === 0 && (
            <div className="muted">No Phone or Cell Phone numbers are saved for {tag.label}.</div>
          )}
        </div>
        <label htmlFor={ids.number}>Phone number</label>
        <div>
          <div className="inline-form">
            <input
              id={ids.number}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              placeholder="(201) 555-0123"
              value={number}
              onChange={(e) => {
                setNumber(e.target.value);
                if (numberError) setProblem(null);
              }}
              aria-invalid={!!numberError || undefined}
              aria-describedby={numberError ? `${ids.number}-error` : undefined}
            />
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Starting…' : 'Start'}
            </button>
          </div>
          <FieldError id={`${ids.number}-error`} message={numberError} />
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
