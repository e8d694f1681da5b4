import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useUserGroup } from '../api/admin';
import { errorMessage } from '../api/client';
import { useContactCard } from '../api/contacts';
import { useAssignConversation } from '../api/conversations';
import type { Conversation, Message, Tag } from '../api/types';
import { ContactCardDialog } from '../contacts/ContactCardDialog';
import { useDismiss } from '../lib/use-dismiss';
import { Dialog } from '../ui/Dialog';
import { Loading } from '../ui/Feedback';
import { FormActions } from '../ui/FormActions';
import { RadioList } from '../ui/RadioList';
import { TAG_KIND_LABELS } from './tags';

type ClaimMutation = UseMutationResult<Conversation | undefined, Error, void>;

/** The server's line once an orphan was taken: "Claimed by …." or "Assigned to … by …." */
const TAKEN_LINE = /^(Claimed by |Assigned to ).+\.$/;

/** Conversations seen as orphans in this tab: the save-number prompt stays after a Claim. */
const seenOrphans = new Set<number>();

/** The conversation is, or was, an orphan (waiting in its group, or claimed / assigned from it). */
export function wasOrphan(c: Conversation, messages: Message[]): boolean {
  if (c.orphan) {
    seenOrphans.add(c.id);
    return true;
  }
  return seenOrphans.has(c.id) || messages.some((m) => m.kind === 'system' && TAKEN_LINE.test(m.body));
}

/** Above the reading pane of an orphan: where it waits, and "Claim" in the top corner. */
export function OrphanBar({ conversation: c, claim }: { conversation: Conversation; claim: ClaimMutation }) {
  if (!c.orphan) return null;
  return (
    <div className="orphan-bar" data-testid="orphan-bar">
      <span className="orphan-bar-text">
        From an unknown number: waiting in <strong>{c.orphan.groupName}</strong> for someone to claim it.
      </span>
      <button
        type="button"
        className="primary orphan-claim"
        onClick={() => claim.mutate()}
        disabled={claim.isPending}
      >
        {claim.isPending ? 'Claiming…' : 'Claim'}
      </button>
    </div>
  );
}

/** A Claim refused (409: someone was faster), in the server's words. */
export function ClaimError({ claim }: { claim: ClaimMutation }) {
  if (!claim.error) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="claim-error">
      {errorMessage(claim.error)}
    </div>
  );
}

/** One phone of the conversation without saved details: offer to name and store it. */
function SaveNumber({ number, formatted }: { number: string; formatted: string }) {
  const card = useContactCard(number);
  const [open, setOpen] = useState(false);
  const unsaved = !!card.data && !card.data.saved;
  return (
    <>
      {unsaved && (
        <div className="banner banner-info save-number-prompt" role="note" data-testid="save-number-prompt">
          <span>{formatted} is not saved yet. Name it so future texts from it are recognized.</span>{' '}
          <button type="button" className="small" onClick={() => setOpen(true)}>
            Save this number as a contact
          </button>
        </div>
      )}
      {/* Beside the prompt, not in it: the window stays open (with "Saved.") once the prompt goes. */}
      {open && <ContactCardDialog number={number} onClose={() => setOpen(false)} />}
    </>
  );
}

/** In an orphan conversation: a prompt for each of its numbers that has no saved contact details. */
export function SaveNumberPrompt({ conversation: c, show }: { conversation: Conversation; show: boolean }) {
  if (!show || c.phoneNumbers.length === 0) return null;
  return (
    <>
      {c.phoneNumbers.map((p) => (
        <SaveNumber key={p.number} number={p.number} formatted={p.formatted} />
      ))}
    </>
  );
}

/** "Tag Users": choose which one member of the Orphan Conversation User Group gets the conversation. */
function TagUsersDialog({
  conversation: c,
  groupId,
  onClose,
}: {
  conversation: Conversation;
  groupId: number;
  onClose: () => void;
}) {
  const group = useUserGroup(groupId);
  const assign = useAssignConversation(c.id);
  const [userId, setUserId] = useState<number | null>(null);
  const members = group.data?.members ?? [];
  return (
    <Dialog title="Tag Users" onClose={onClose}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          if (userId !== null) assign.mutate(userId, { onSuccess: onClose });
        }}
      >
        <p className="muted">
          Choose the member of {group.data?.name ?? c.orphan?.groupName ?? 'the group'} to tag instead of the
          group.
        </p>
        {group.isPending ? (
          <Loading />
        ) : group.isError ? (
          <div className="banner banner-error" role="alert">
            {errorMessage(group.error)}
          </div>
        ) : members.length === 0 ? (
          <p className="muted">This group has no members.</p>
        ) : (
          <RadioList
            legend={<>Users of {group.data?.name}</>}
            items={members}
            idOf={(m) => m.id}
            labelOf={(m) => m.name}
            selected={userId}
            onSelect={setUserId}
          />
        )}
        {assign.error && (
          <div className="banner banner-error" role="alert">
            {errorMessage(assign.error)}
          </div>
        )}
        <FormActions
          submitLabel="Accept"
          busyLabel="Assigning…"
          busy={assign.isPending}
          disabled={userId === null}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}

/**
 * The Orphan Conversation User Group's tag chip: its name opens the pop-up of who is tagged, with
 * "Tag Users" to assign the conversation to one member of the group.
 */
export function OrphanGroupChip({
  conversation: c,
  tag,
  onRemove,
  disabled,
}: {
  conversation: Conversation;
  tag: Tag;
  onRemove: () => void;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const wrap = useRef<HTMLSpanElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const firstAction = useRef<HTMLButtonElement>(null);
  const popupId = useId();

  useEffect(() => {
    if (open) firstAction.current?.focus();
  }, [open]);
  useDismiss(
    wrap,
    open,
    () => setOpen(false),
    () => {
      setOpen(false);
      opener.current?.focus();
    },
  );

  const tagged = c.tags.filter((t) => t.kind === 'user' || t.kind === 'group');
  return (
    <span className="chip chip-group chip-orphan" data-testid="tag-chip" ref={wrap}>
      <span className="chip-kind">{TAG_KIND_LABELS.group}</span>
      <button
        type="button"
        ref={opener}
        className="chip-label link-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? popupId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {tag.label}
      </button>
      <button
        type="button"
        className="chip-remove"
        aria-label={`Remove tag ${tag.label}`}
        title={`Remove ${tag.label}`}
        onClick={onRemove}
        disabled={disabled}
      >
        ×
      </button>
      {open && (
        <div className="tagged-popup" role="dialog" id={popupId} aria-label="Tagged in this conversation">
          <h3 className="tagged-popup-title">Tagged in this conversation</h3>
          <ul className="tagged-list">
            {tagged.map((t) => (
              <li key={`${t.kind}:${t.id}`}>
                <span className="chip-kind">{TAG_KIND_LABELS[t.kind]}</span> {t.label}
              </li>
            ))}
          </ul>
          {c.orphan && (
            <button
              type="button"
              ref={firstAction}
              className="small"
              onClick={() => {
                setOpen(false);
                setChoosing(true);
              }}
            >
              Tag Users
            </button>
          )}
        </div>
      )}
      {choosing && c.orphan && (
        <TagUsersDialog conversation={c} groupId={c.orphan.groupId} onClose={() => setChoosing(false)} />
      )}
    </span>
  );
}
