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
import { ErrorBanner, FieldError, Loading } from '../ui/Feedback';
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
  /** The customer or vendor whose numbers are suggested: the conversation is tagged with it. */
  tag: Tag;
  /** Its numbers; undefined while they load. */
  phones: PartyPhone[] | undefined;
  onClose: () => void;
  /** More records to tag the conversation with, e.g. the transaction whose window it is. */
  alsoTag?: Tag[];
  /** The dialog's title: "Add Phone Number" (Customer / Vendor details), "Text Customer"… */
  title?: string;
  /** The subject to start with; the record's name by default. */
  defaultSubject?: string;
  /**
   * Shows the conversation started or continued, with the notice for arriving at an existing one;
   * by default the Conversations window opens it.
   */
  onStarted?: (c: Conversation, notice: string | null) => void;
}

/**
 * "Add Phone Number" in Customer Details / Vendor details (and "Text Customer" / "Text Vendor" in
 * a transaction's Conversation Side Panel): texts one of the record's numbers (or one typed in) in
 * a conversation tagged with the record (and `alsoTag`). A number that already has an open
 * conversation is continued there (the records are tagged on it if they were not).
 */
export function StartTextDialog({
  tag,
  phones,
  onClose,
  alsoTag = [],
  title = 'Add Phone Number',
  defaultSubject,
  onStarted,
}: StartTextDialogProps) {
  const navigate = useNavigate();
  const company = useCompany();
  const types = useConversationTypes();
  const create = useCreateConversation();
  // Tags the record on the thread redirected to (its id is known only from the answer).
  const qc = useQueryClient();
  const tags = [...alsoTag, tag];
  const addTags = useMutation({
    mutationFn: async (input: { conversationId: number; tags: Tag[] }) => {
      let last: Conversation | null = null;
      for (const t of input.tags)
        last = await api.post<Conversation>(`/api/conversations/${input.conversationId}/tags`, {
          kind: t.kind,
          id: t.id,
        });
      return last;
    },
    onSuccess: (c) => {
      if (c) qc.setQueryData(conversationKeys.one(c.id), c);
      void qc.invalidateQueries({ queryKey: conversationKeys.lists });
    },
  });
  const [number, setNumber] = useState('');
  const [subject, setSubject] = useState(defaultSubject ?? tag.label);
  const [problem, setProblem] = useState<{ field: 'number' | 'subject'; message: string } | null>(null);
  const ids = { number: useId(), subject: useId() };

  const defaultType = (types.data ?? []).find(
    (t) => t.active && t.id === company.data?.defaultConversationTypeId,
  );

  const open = (c: Conversation, redirected: boolean) => {
    onClose();
    if (onStarted) {
      onStarted(c, redirected ? REDIRECTED_NOTICE : null);
      return;
    }
    const state: NoticeState = redirected ? { notice: REDIRECTED_NOTICE } : {};
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
        tags: tags.map((t) => ({ kind: t.kind, id: t.id })),
        phoneNumbers: [phone],
      },
      {
        onSuccess: (c) => {
          const redirected = !!c.redirected;
          // The number's existing thread is about these records too: tag them there (the server
          // only tags new conversations).
          const missing = redirected ? tags.filter((t) => !c.tags.some((x) => sameTag(x, t))) : [];
          if (missing.length > 0) {
            addTags.mutate({ conversationId: c.id, tags: missing }, { onSettled: () => open(c, true) });
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

  const busy = create.isPending || addTags.isPending;
  const numberError = problem?.field === 'number' ? problem.message : undefined;
  const subjectError = problem?.field === 'subject' ? problem.message : undefined;
  const otherError =
    create.error instanceof ApiError && create.error.code === 'INVALID_PHONE_NUMBER' ? null : create.error;

  return (
    <Dialog title={title} onClose={onClose} className="dialog-wide">
      <form onSubmit={submit} noValidate className="form-grid">
        <ErrorBanner error={otherError} />
        <div className="form-note">
          Starts a text conversation tagged with {tags.map((t) => t.label).join(' and ')}, or continues the
          one the number already has.
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
          {phones === undefined && <Loading label="Loading numbers…" />}
          {phones?.map((p) => (
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
          {phones?.length === 0 && (
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
