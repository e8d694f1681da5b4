import { useSyncExternalStore } from 'react';
import { deleteAttachment, uploadAttachment } from '../api/attachments';
import { errorMessage } from '../api/client';
import type { Attachment } from '../api/types';
import type { DraftAttachment } from './attachments';
import { moveDraft, newDraft, patchDraft, uploadedDraft, withoutDraft, withoutSent } from './attachments';

/**
 * The files on each conversation's composer, kept outside React like the text drafts: switching
 * conversations neither loses them nor stops an upload, and the reading pane (drop) and the
 * composer (paper clip, list, send) share one list.
 */
const lists = new Map<number, DraftAttachment[]>();
const uploads = new Map<string, AbortController>();
const listeners = new Set<() => void>();
const EMPTY: DraftAttachment[] = [];
let nextKey = 1;

function update(conversationId: number, change: (list: DraftAttachment[]) => DraftAttachment[]): void {
  const next = change(lists.get(conversationId) ?? EMPTY);
  if (next.length === 0) lists.delete(conversationId);
  else lists.set(conversationId, next);
  for (const l of listeners) l();
}

const find = (conversationId: number, key: string) => lists.get(conversationId)?.find((d) => d.key === key);

function start(conversationId: number, key: string, file: File): void {
  const controller = new AbortController();
  uploads.set(key, controller);
  uploadAttachment(file, file.name, {
    signal: controller.signal,
    onProgress: (progress) => update(conversationId, (l) => patchDraft(l, key, { progress })),
  }).then(
    (attachment) => {
      uploads.delete(key);
      // Taken off the list while its last bytes were on the way: it must not stay on the server.
      if (!find(conversationId, key)) {
        void deleteAttachment(attachment.id).catch(() => {});
        return;
      }
      update(conversationId, (l) =>
        patchDraft(l, key, { status: 'uploaded', progress: 1, attachment, error: null }),
      );
    },
    (err: unknown) => {
      uploads.delete(key);
      if (err instanceof DOMException && err.name === 'AbortError') return;
      update(conversationId, (l) => patchDraft(l, key, { status: 'failed', error: errorMessage(err) }));
    },
  );
}

/** Puts files on the list (after any already there) and uploads those within the limit. */
export function attachFiles(conversationId: number, files: Iterable<File>, maxBytes: number): void {
  const added: { draft: DraftAttachment; file: File }[] = [];
  for (const file of files) added.push({ draft: newDraft(`a${nextKey++}`, file, maxBytes), file });
  if (added.length === 0) return;
  update(conversationId, (l) => [...l, ...added.map((a) => a.draft)]);
  for (const { draft, file } of added)
    if (draft.status === 'uploading') start(conversationId, draft.key, file);
}

/**
 * Puts a file the server makes (the transaction's barcode or QR code) on the list: shown as
 * uploading under `fileName` until `create` answers with the stored attachment, then exactly like
 * an uploaded file (its own name, size, thumbnail and texting words). Taken off the list before
 * the answer, the attachment is deleted once it arrives; a refusal stays listed with its words.
 */
export function attachCreated(
  conversationId: number,
  fileName: string,
  create: () => Promise<Attachment>,
): void {
  const key = `a${nextKey++}`;
  const draft: DraftAttachment = {
    key,
    fileName,
    size: 0,
    status: 'uploading',
    progress: 0,
    error: null,
    attachment: null,
  };
  update(conversationId, (l) => [...l, draft]);
  create().then(
    (attachment) => {
      if (!find(conversationId, key)) {
        void deleteAttachment(attachment.id).catch(() => {});
        return;
      }
      update(conversationId, (l) =>
        l.map((d) => (d.key === key ? uploadedDraft(key, attachment, d.fileName) : d)),
      );
    },
    (err: unknown) => {
      update(conversationId, (l) => patchDraft(l, key, { status: 'failed', error: errorMessage(err) }));
    },
  );
}

/** Puts an attachment already stored on the server (uploaded, not sent) on the list, ready to send. */
export function addUploadedAttachment(conversationId: number, attachment: Attachment): void {
  const draft = uploadedDraft(`a${nextKey++}`, attachment);
  update(conversationId, (l) => [...l, draft]);
}

/** Takes a file off the list: stops its upload, or deletes it from the server when it was uploaded. */
export function removeAttachment(conversationId: number, key: string): void {
  const draft = find(conversationId, key);
  if (!draft) return;
  update(conversationId, (l) => withoutDraft(l, key));
  uploads.get(key)?.abort();
  uploads.delete(key);
  if (draft.attachment) void deleteAttachment(draft.attachment.id).catch(() => {});
}

export function moveAttachment(conversationId: number, key: string, delta: -1 | 1): void {
  update(conversationId, (l) => moveDraft(l, key, delta));
}

/** After a send (or a hold for opt-in): the files that went leave the list. */
export function clearSentAttachments(conversationId: number, ids: readonly number[]): void {
  if (ids.length > 0) update(conversationId, (l) => withoutSent(l, ids));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The composer's files for one conversation, in the order they will be sent. */
export function useDraftAttachments(conversationId: number): DraftAttachment[] {
  return useSyncExternalStore(
    subscribe,
    () => lists.get(conversationId) ?? EMPTY,
    () => EMPTY,
  );
}
