import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatBytes } from '../lib/format';
import { useCompany } from './auth';
import { ApiError, api, csrfHeaders, errorFromAnswer, networkError } from './client';
import { conversationKeys } from './conversations';
import type { Attachment, MessagePage } from './types';

/** The server's upload limit until GET /api/company says otherwise (25 MB). */
export const DEFAULT_UPLOAD_MAX_BYTES = 25 * 1024 * 1024;

/** The largest file the server takes (GET /api/company), checked before uploading. */
export function useUploadMaxBytes(): number {
  return useCompany().data?.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES;
}

/** Where a file is uploaded: its name travels in the query, the bytes are the body. */
export const uploadPath = (fileName: string): string =>
  `/api/attachments?name=${encodeURIComponent(fileName)}`;

/** The server's own words for a file over the limit: "The file is larger than the 25 MB upload limit." */
export const tooLargeMessage = (maxBytes: number): string =>
  `The file is larger than the ${formatBytes(maxBytes)} upload limit.`;

/** Why a file cannot be uploaded, checked before sending any of it; null when it may be. */
export function uploadProblem(size: number, maxBytes: number): string | null {
  if (size > maxBytes) return tooLargeMessage(maxBytes);
  if (size === 0) return 'The file is empty.';
  return null;
}

/** The link that downloads the original instead of showing it in the browser. */
export function downloadUrl(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}download=1`;
}

/** The part of XMLHttpRequest an upload uses (a fake one stands in for it in tests). */
export type UploadXhr = Pick<
  XMLHttpRequest,
  | 'open'
  | 'setRequestHeader'
  | 'send'
  | 'abort'
  | 'status'
  | 'statusText'
  | 'responseText'
  | 'onload'
  | 'onerror'
  | 'onabort'
> & { upload: Pick<XMLHttpRequestUpload, 'onprogress'> };

export interface UploadOptions {
  /** Called as bytes leave the browser, with the share sent so far (0 to 1). */
  onProgress?: (fraction: number) => void;
  /** Aborting stops the upload; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

/**
 * Uploads one file: POST /api/attachments with the raw bytes, through XMLHttpRequest (fetch cannot
 * report upload progress). Resolves with the stored attachment (201); rejects with the server's
 * ApiError, e.g. 413 PAYLOAD_TOO_LARGE or 400 VALIDATION_FAILED "The file is empty.".
 */
export function uploadAttachment(
  file: Blob,
  fileName: string,
  options: UploadOptions = {},
  createXhr: () => UploadXhr = () => new XMLHttpRequest(),
): Promise<Attachment> {
  return new Promise<Attachment>((resolve, reject) => {
    const { onProgress, signal } = options;
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    const xhr = createXhr();
    const stop = () => xhr.abort();
    const done = () => signal?.removeEventListener('abort', stop);
    xhr.open('POST', uploadPath(fileName));
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(Math.min(1, e.loaded / e.total));
    };
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as Attachment);
        } catch {
          reject(
            new ApiError(xhr.status, 'INTERNAL', 'The server answered the upload with something unreadable.'),
          );
        }
        return;
      }
      reject(errorFromAnswer(xhr.status, xhr.statusText, xhr.responseText));
    };
    xhr.onerror = () => {
      done();
      reject(networkError());
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
    };
    signal?.addEventListener('abort', stop);
    xhr.send(file);
  });
}

/** Removes an uploaded attachment that was not sent (the user took it off the list). */
export const deleteAttachment = (id: number): Promise<void> => api.del<void>(`/api/attachments/${id}`);

/** Puts a changed attachment in place in the cached messages of a conversation; false when not there. */
export function replaceAttachment(qc: QueryClient, conversationId: number, attachment: Attachment): boolean {
  let found = false;
  qc.setQueryData<InfiniteData<MessagePage>>(conversationKeys.messages(conversationId), (data) => {
    if (!data) return data;
    const pages = data.pages.map((p) => {
      if (!p.items.some((m) => m.attachments?.some((a) => a.id === attachment.id))) return p;
      found = true;
      return {
        ...p,
        items: p.items.map((m) =>
          m.attachments?.some((a) => a.id === attachment.id)
            ? { ...m, attachments: m.attachments.map((a) => (a.id === attachment.id ? attachment : a)) }
            : m,
        ),
      };
    });
    return found ? { ...data, pages } : data;
  });
  return found;
}

/** "Retry" under inbound media Twilio could not give us: fetches it again, then refreshes the thread. */
export function useRetryAttachmentFetch(conversationId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: number) => api.post<Attachment>(`/api/attachments/${attachmentId}/retry`),
    onSuccess: (a) => {
      replaceAttachment(qc, conversationId, a);
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: conversationKeys.messages(conversationId) });
    },
  });
}
