import { useState } from 'react';
import { downloadUrl, useRetryAttachmentFetch } from '../api/attachments';
import { errorMessage } from '../api/client';
import type { Attachment, MessageDirection } from '../api/types';
import { formatBytes, fullTime, longTime } from '../lib/format';
import { Dialog } from '../ui/Dialog';
import { FileIcon } from './AttachmentDrafts';
import { fetchState, openKindLabel, opensLabel, showsAsImage, thumbnailSize } from './attachments';

function At({ iso, timeZone }: { iso: string; timeZone: string | undefined }) {
  return (
    <time dateTime={iso} title={fullTime(iso, timeZone)}>
      {longTime(iso, timeZone)}
    </time>
  );
}

/** The larger view of a picture: the original, its name (the title), Download and Close. */
export function ImageViewer({ a, onClose }: { a: Attachment; onClose: () => void }) {
  const dimensions = a.width && a.height ? ` · ${a.width} × ${a.height}` : '';
  return (
    <Dialog title={a.fileName} onClose={onClose} className="dialog-wide image-viewer">
      <div className="dialog-body">
        <div className="image-viewer-frame">
          <img src={a.viewUrl ?? a.url} alt={a.fileName} />
        </div>
        <div className="image-viewer-caption muted">
          {formatBytes(a.size)}
          {dimensions}
        </div>
        <div className="form-actions">
          <a className="button-link" href={downloadUrl(a.url)} download={a.fileName}>
            Download
          </a>
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** Under a file texted as a download link: until when the link works, and who opened it. */
function LinkInfo({
  link,
  timeZone,
}: {
  link: NonNullable<Attachment['link']>;
  timeZone: string | undefined;
}) {
  const opens = link.opens;
  return (
    <div className="attachment-link-info">
      {link.expiresAt && (
        <span className={link.expired ? 'attachment-link-expired' : undefined}>
          {link.expired ? 'Link expired' : 'Link expires'} <At iso={link.expiresAt} timeZone={timeZone} />
        </span>
      )}
      {opens.length === 0 ? (
        <span className="attachment-opens">{opensLabel(0)}</span>
      ) : (
        <details className="attachment-opens">
          <summary
            title={opens.map((o) => `${fullTime(o.at, timeZone)} — ${openKindLabel(o.kind)}`).join('\n')}
          >
            {opensLabel(opens.length)}
          </summary>
          <ul className="attachment-open-list">
            {opens.map((o, i) => (
              <li key={`${o.at}-${i}`}>
                <At iso={o.at} timeZone={timeZone} /> · {openKindLabel(o.kind)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Inbound media Twilio has not given us (yet): a line saying so, and Retry when it failed. */
function FetchProblem({ a, conversationId }: { a: Attachment; conversationId: number }) {
  const retry = useRetryAttachmentFetch(conversationId);
  if (fetchState(a) === 'pending' || (retry.isPending && retry.variables === a.id)) {
    return <div className="attachment-fetching muted">Fetching attachment…</div>;
  }
  return (
    <div className="attachment-fetch-failed">
      <span className="attachment-fetch-failed-text">
        This attachment could not be downloaded from Twilio.
      </span>
      {a.fetch?.error && <small className="attachment-fetch-error">{a.fetch.error}</small>}
      <button type="button" className="small" onClick={() => retry.mutate(a.id)} disabled={retry.isPending}>
        Retry
      </button>
      {retry.isError && (
        <span className="field-error" role="alert">
          {errorMessage(retry.error)}
        </span>
      )}
    </div>
  );
}

function AttachmentView({
  a,
  direction,
  conversationId,
  timeZone,
}: {
  a: Attachment;
  direction: MessageDirection;
  conversationId: number;
  timeZone: string | undefined;
}) {
  const [viewing, setViewing] = useState(false);
  if (fetchState(a) !== 'ready') {
    return (
      <div className="message-attachment">
        <FetchProblem a={a} conversationId={conversationId} />
      </div>
    );
  }
  return (
    <div className="message-attachment">
      {showsAsImage(a) ? (
        <button
          type="button"
          className="attachment-thumb"
          onClick={() => setViewing(true)}
          title={`${a.fileName} — open a larger view`}
        >
          <img src={a.thumbnailUrl!} alt={a.fileName} {...thumbnailSize(a.width, a.height)} />
        </button>
      ) : (
        <a className="file-chip" data-testid="file-chip" href={downloadUrl(a.url)} download={a.fileName}>
          <FileIcon />
          <span className="file-chip-name">{a.fileName}</span>
          <span className="file-chip-size">{formatBytes(a.size)}</span>
        </a>
      )}
      {direction === 'outbound' && a.texting?.note && (
        <div className="attachment-texting-note">{a.texting.note}</div>
      )}
      {direction === 'outbound' && a.link && <LinkInfo link={a.link} timeZone={timeZone} />}
      {viewing && <ImageViewer a={a} onClose={() => setViewing(false)} />}
    </div>
  );
}

/**
 * The files of a message in the thread: pictures as thumbnails (click for a larger view), other
 * files as chips that download them; under outbound ones how they were texted and, for download
 * links, the link's expiry and openings; for inbound media still with Twilio, its fetch state.
 */
export function MessageAttachments({
  attachments,
  direction,
  conversationId,
  timeZone,
}: {
  attachments: readonly Attachment[];
  direction: MessageDirection;
  conversationId: number;
  timeZone: string | undefined;
}) {
  if (attachments.length === 0) return null;
  return (
    <div className="message-attachments">
      {attachments.map((a) => (
        <AttachmentView
          key={a.id}
          a={a}
          direction={direction}
          conversationId={conversationId}
          timeZone={timeZone}
        />
      ))}
    </div>
  );
}
