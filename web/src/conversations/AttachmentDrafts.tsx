import { formatBytes } from '../lib/format';
import { moveAttachment, removeAttachment } from './attachment-store';
import type { DraftAttachment } from './attachments';
import { showsAsImage, textingWords } from './attachments';

/** A 24×24 line icon drawn with the current text colour. */
function LineIcon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false" className="icon">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The paper clip of the "Attach files" button. */
export const PaperClipIcon = () => (
  <LineIcon d="M21.44 11.05l-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48" />
);

/** A sheet of paper, for files that are not pictures. */
export const FileIcon = () => <LineIcon d="M13 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9zM13 2v7h7" />;

function DraftItem({
  conversationId,
  d,
  first,
  last,
  external,
}: {
  conversationId: number;
  d: DraftAttachment;
  first: boolean;
  last: boolean;
  external: boolean;
}) {
  const a = d.attachment;
  const texting = external && a?.texting ? textingWords(a.texting) : null;
  return (
    <li className={`attachment-draft attachment-draft-${d.status}`}>
      {a && showsAsImage(a) ? (
        <img className="attachment-draft-thumb" src={a.thumbnailUrl!} alt="" />
      ) : (
        <span className="attachment-draft-icon">
          <FileIcon />
        </span>
      )}
      <span className="attachment-draft-main">
        <span className="attachment-draft-line">
          <span className="attachment-draft-name">{d.fileName}</span>
          {/* A file the server is still making (a transaction's code) has no size yet. */}
          {(d.size > 0 || d.status !== 'uploading') && (
            <span className="attachment-draft-size muted">{formatBytes(d.size)}</span>
          )}
          {d.status === 'uploading' && (
            <progress
              className="attachment-draft-progress"
              aria-label={`Uploading ${d.fileName}`}
              max={1}
              value={d.progress}
            />
          )}
        </span>
        {d.status === 'failed' && d.error && (
          <span className="field-error attachment-draft-error" role="alert">
            {d.error}
          </span>
        )}
        {texting && (
          <span className="attachment-draft-texting">
            {texting.how && <span className="attachment-texting-how">{texting.how}</span>}
            {texting.how && texting.note && ' · '}
            {texting.note && <span className="muted">{texting.note}</span>}
          </span>
        )}
      </span>
      <span className="attachment-draft-actions">
        <button
          type="button"
          className="small icon-button"
          aria-label={`Move ${d.fileName} up`}
          title="Move up"
          disabled={first}
          onClick={() => moveAttachment(conversationId, d.key, -1)}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          className="small icon-button"
          aria-label={`Move ${d.fileName} down`}
          title="Move down"
          disabled={last}
          onClick={() => moveAttachment(conversationId, d.key, 1)}
        >
          <span aria-hidden="true">↓</span>
        </button>
        <button
          type="button"
          className="small icon-button danger-text"
          aria-label={`Remove ${d.fileName}`}
          title="Remove"
          onClick={() => removeAttachment(conversationId, d.key)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </span>
    </li>
  );
}

/**
 * The composer's files above the text box, in the order they will be sent (move up / down to
 * change it): name, size, upload progress, the server's refusal, and in an external conversation
 * how each will be texted.
 */
export function AttachmentDrafts({
  conversationId,
  drafts,
  external,
}: {
  conversationId: number;
  drafts: readonly DraftAttachment[];
  external: boolean;
}) {
  if (drafts.length === 0) return null;
  // role="list" stays explicit: Safari drops the list role of a list without bullets.
  return (
    <ul className="attachment-drafts" role="list" aria-label="Attachments">
      {drafts.map((d, i) => (
        <DraftItem
          key={d.key}
          conversationId={conversationId}
          d={d}
          first={i === 0}
          last={i === drafts.length - 1}
          external={external}
        />
      ))}
    </ul>
  );
}
