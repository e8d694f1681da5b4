import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/client';
import { useTimeZone } from '../api/auth';
import { useAddTag, useRemoveTag, useSetStatus } from '../api/conversations';
import type { Conversation, PhoneEndpoint } from '../api/types';
import { ContactCardButton } from '../contacts/ContactCardButton';
import { fullTime, longTime } from '../lib/format';
import { AddPhoneNumberDialog } from './AddPhoneNumberDialog';
import { noticeFor } from './notices';
import type { NoticeState } from './notices';
import { TagButton } from './TagButton';
import { OrphanGroupChip } from './Orphan';
import { TagChip } from './tags';

/** The phones this conversation texts, top left of the header: each opens its Contact Card. */
function PhoneNumbers({ phoneNumbers }: { phoneNumbers: PhoneEndpoint[] }) {
  if (phoneNumbers.length === 0) return null;
  return (
    <ul className="endpoint-list" aria-label="External phones">
      {phoneNumbers.map((p) => (
        <li key={p.number} className="endpoint" title={p.label === p.formatted ? p.number : p.formatted}>
          <ContactCardButton
            number={p.number}
            label={p.label}
            consent={p.consent}
            textingDisabled={p.textingDisabled}
            showLabel
          />
        </li>
      ))}
    </ul>
  );
}

/** A phone among the tags: who the conversation is with, and a way to its Contact Card. */
function PhoneChip({ phone: p }: { phone: PhoneEndpoint }) {
  return (
    <span className="chip chip-phone" data-testid="phone-chip">
      <span className="chip-kind">Phone</span>
      <span className="chip-label">{p.label}</span>
      <ContactCardButton
        number={p.number}
        label={p.label}
        consent={p.consent}
        textingDisabled={p.textingDisabled}
      />
    </span>
  );
}

/**
 * Subject, type, tags and status of the open conversation. An external conversation shows its
 * phone numbers top left (each a contact card button) and "External Conversation" top right.
 */
export function ConversationHeader({
  conversation: c,
  onOpenConversation,
}: {
  conversation: Conversation;
  /** Shows the conversation an addition of numbers landed on; by default the Conversations window opens it. */
  onOpenConversation?: (id: number, notice: string | null) => void;
}) {
  const addTag = useAddTag(c.id);
  const removeTag = useRemoveTag(c.id);
  const setStatus = useSetStatus(c.id);
  const navigate = useNavigate();
  const timeZone = useTimeZone();
  const [addingNumber, setAddingNumber] = useState(false);
  const error = addTag.error ?? removeTag.error ?? setStatus.error;
  const closed = c.status === 'closed';
  const external = c.external ?? c.phoneNumbers.length > 0;

  return (
    <header className={`conv-header${external ? ' external' : ''}`}>
      <div className="conv-header-row">
        <div className="conv-header-main">
          <div className="conv-header-endpoints" data-slot="external-endpoints">
            <PhoneNumbers phoneNumbers={c.phoneNumbers} />
          </div>
          <h2 className="conv-subject">{c.subject}</h2>
          <div className="conv-header-meta">
            <span className="conv-type" title="Conversation type">
              {c.type?.name ?? 'No type'}
            </span>
            <span className={`pill pill-${c.status}`}>{closed ? 'Closed' : 'Open'}</span>
            {c.createdBy && (
              <span className="muted">
                Started by {c.createdBy.name},{' '}
                <time dateTime={c.createdAt} title={fullTime(c.createdAt, timeZone)}>
                  {longTime(c.createdAt, timeZone)}
                </time>
              </span>
            )}
          </div>
        </div>
        <div className="conv-header-aside">
          <div className="conv-header-indicators" data-slot="external-indicator">
            {external && (
              <span className="external-indicator" data-testid="external-indicator">
                External Conversation
              </span>
            )}
          </div>
          <div className="conv-header-actions">
            <button type="button" onClick={() => setAddingNumber(true)} disabled={closed}>
              Add Phone Number
            </button>
            <button
              type="button"
              onClick={() => setStatus.mutate(closed ? 'reopen' : 'close')}
              disabled={setStatus.isPending}
            >
              {closed ? 'Reopen' : 'Close'}
            </button>
          </div>
        </div>
      </div>
      <div className="conv-tags" role="group" aria-label="Tags">
        {c.tags.map((t) =>
          c.orphan && t.kind === 'group' && t.id === c.orphan.groupId ? (
            <OrphanGroupChip
              key={`${t.kind}:${t.id}`}
              conversation={c}
              tag={t}
              disabled={removeTag.isPending}
              onRemove={() => removeTag.mutate({ kind: t.kind, id: t.id })}
            />
          ) : (
            <TagChip
              key={`${t.kind}:${t.id}`}
              tag={t}
              disabled={removeTag.isPending}
              onRemove={() => removeTag.mutate({ kind: t.kind, id: t.id })}
            />
          ),
        )}
        {c.phoneNumbers.map((p) => (
          <PhoneChip key={p.number} phone={p} />
        ))}
        {c.tags.length === 0 && c.phoneNumbers.length === 0 && <span className="muted">No tags</span>}
        <TagButton
          exclude={c.tags}
          onPick={(t) => addTag.mutate({ kind: t.kind, id: t.id })}
          disabled={addTag.isPending}
        />
      </div>
      {error && (
        <div className="banner banner-error" role="alert">
          {errorMessage(error)}
        </div>
      )}
      {addingNumber && (
        <AddPhoneNumberDialog
          conversationId={c.id}
          current={c.phoneNumbers.map((p) => p.number)}
          onClose={() => setAddingNumber(false)}
          onAdded={(change) => {
            setAddingNumber(false);
            // A set of numbers that already has a conversation is continued there; one that
            // already held messages got a new conversation.
            if (change.id !== c.id) {
              if (onOpenConversation) {
                onOpenConversation(change.id, noticeFor(change));
                return;
              }
              const state: NoticeState = { notice: noticeFor(change) ?? undefined };
              navigate(`/conversations/${change.id}`, { state });
            }
          }}
        />
      )}
    </header>
  );
}
