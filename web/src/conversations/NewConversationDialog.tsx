import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { MAX_SUBJECT_LENGTH } from '../../../core/conversations';
import { useConversationTypes } from '../api/admin';
import { useCompany } from '../api/auth';
import { useCreateConversation } from '../api/conversations';
import type { Conversation, Tag } from '../api/types';
import { sentence, useFieldErrors } from '../lib/fields';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner, FieldError } from '../ui/Feedback';
import { FormActions } from '../ui/FormActions';
import { TagButton } from './TagButton';
import { TagChip, sameTag } from './tags';

interface NewConversationDialogProps {
  /** Tags to start with, e.g. the customer whose details window the dialog was opened from. */
  initialTags?: Tag[];
  onClose: () => void;
  onCreated: (c: Conversation) => void;
}

/** The "New Conversation" form: subject, type, tags and the first message. */
export function NewConversationDialog({ initialTags = [], onClose, onCreated }: NewConversationDialogProps) {
  const types = useConversationTypes();
  const company = useCompany();
  const create = useCreateConversation();
  const [subject, setSubject] = useState('');
  const [typeId, setTypeId] = useState<string>('');
  const [typeTouched, setTypeTouched] = useState(false);
  const [tags, setTags] = useState<Tag[]>(initialTags);
  const [body, setBody] = useState('');
  const fe = useFieldErrors();
  const ids = { subject: useId(), type: useId(), body: useId(), subjectErr: useId() };

  const activeTypes = (types.data ?? []).filter((t) => t.active);
  // The company's default type is preselected, unless it has been retired since.
  const defaultType = activeTypes.find((t) => t.id === company.data?.defaultConversationTypeId);
  const effectiveType = typeTouched ? typeId : defaultType ? String(defaultType.id) : typeId;
  const subjectMessage = sentence('Subject', fe.errors.subject);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!subject.trim()) {
      fe.setErrors({ subject: 'Subject is required.' });
      document.getElementById(ids.subject)?.focus();
      return;
    }
    fe.setErrors({});
    create.mutate(
      {
        subject: subject.trim(),
        typeId: effectiveType ? Number(effectiveType) : null,
        tags: tags.map((t) => ({ kind: t.kind, id: t.id })),
        ...(body.trim() ? { body: body.trim() } : {}),
      },
      { onSuccess: onCreated, onError: fe.fromError },
    );
  };

  return (
    <Dialog title="New Conversation" onClose={onClose} className="dialog-wide">
      <form onSubmit={submit} noValidate className="form-grid">
        {create.isError && !fe.any && <ErrorBanner error={create.error} />}
        <label htmlFor={ids.subject}>Subject</label>
        <div>
          <input
            id={ids.subject}
            value={subject}
            maxLength={MAX_SUBJECT_LENGTH}
            autoFocus
            onChange={(e) => {
              setSubject(e.target.value);
              fe.clear('subject');
            }}
            aria-invalid={!!subjectMessage || undefined}
            aria-describedby={subjectMessage ? ids.subjectErr : undefined}
          />
          <FieldError id={ids.subjectErr} message={subjectMessage} />
        </div>
        <label htmlFor={ids.type}>Type</label>
        <div>
          <select
            id={ids.type}
            value={effectiveType}
            onChange={(e) => {
              setTypeTouched(true);
              setTypeId(e.target.value);
            }}
          >
            <option value="">(No type)</option>
            {activeTypes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <span className="form-label">Tags</span>
        <div className="conv-tags" role="group" aria-label="Tags">
          {tags.map((t) => (
            <TagChip
              key={`${t.kind}:${t.id}`}
              tag={t}
              onRemove={() => setTags(tags.filter((x) => !sameTag(x, t)))}
            />
          ))}
          <TagButton
            exclude={tags}
            onPick={(t) => setTags((cur) => (cur.some((x) => sameTag(x, t)) ? cur : [...cur, t]))}
          />
        </div>
        <label htmlFor={ids.body}>First message</label>
        <div>
          <textarea
            id={ids.body}
            rows={4}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              fe.clear('body');
            }}
          />
          <FieldError id={`${ids.body}-err`} message={sentence('Message', fe.errors.body)} />
        </div>
        <FormActions submitLabel="Create" busyLabel="Creating…" busy={create.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
