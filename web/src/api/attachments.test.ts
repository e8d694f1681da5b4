import { QueryClient } from '@tanstack/react-query';
import type { InfiniteData } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { UploadXhr } from './attachments';
import {
  downloadUrl,
  replaceAttachment,
  tooLargeMessage,
  uploadAttachment,
  uploadPath,
  uploadProblem,
} from './attachments';
import { ApiError, setCsrf } from './client';
import { conversationKeys } from './conversations';
import type { Attachment, Message, MessagePage } from './types';

const attachment = (id: number, extra: Partial<Attachment> = {}): Attachment => ({
  id,
  fileName: `file-${id}.pdf`,
  size: 1000,
  contentType: 'application/pdf',
  isImage: false,
  width: null,
  height: null,
  url: `/api/attachments/${id}/file`,
  thumbnailUrl: null,
  viewUrl: null,
  texting: { as: 'link', note: null },
  link: null,
  fetch: null,
  ...extra,
});

/** Stands in for XMLHttpRequest: records the request, and the test answers it. */
class FakeXhr {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: Blob | null = null;
  aborted = false;
  status = 0;
  statusText = '';
  responseText = '';
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: Blob) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }
  answer(status: number, body: unknown, statusText = '') {
    this.status = status;
    this.statusText = statusText;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
}

function upload(options: Parameters<typeof uploadAttachment>[2] = {}, name = 'Q3 report (final).pdf') {
  const xhr = new FakeXhr();
  const promise = uploadAttachment(new Blob(['%PDF-1.4']), name, options, () => xhr as unknown as UploadXhr);
  return { xhr, promise };
}

afterEach(() => setCsrf(''));

describe('uploading a file', () => {
  it('posts the raw bytes with the name in the query and the CSRF header, reporting progress', async () => {
    setCsrf('token-1', 'x-csrf-token');
    const seen: number[] = [];
    const { xhr, promise } = upload({ onProgress: (f) => seen.push(f) });
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/attachments?name=Q3%20report%20(final).pdf');
    expect(xhr.headers['content-type']).toBe('application/octet-stream');
    expect(xhr.headers['x-csrf-token']).toBe('token-1');
    expect(xhr.body).toBeInstanceOf(Blob);
    xhr.progress(25, 100);
    xhr.progress(100, 100);
    xhr.answer(201, attachment(7));
    await expect(promise).resolves.toMatchObject({ id: 7 });
    expect(seen).toEqual([0.25, 1]);
  });

  it("rejects with the server's error, whose message is shown next to the file", async () => {
    const { xhr, promise } = upload();
    xhr.answer(413, {
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'The file is larger than the 25 MB upload limit.' },
    });
    const err = await promise.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The file is larger than the 25 MB upload limit.',
    });
  });

  it('reports a broken connection, and an answer that is not JSON, in words', async () => {
    const a = upload();
    a.xhr.onerror?.();
    await expect(a.promise).rejects.toMatchObject({ code: 'NETWORK' });
    const b = upload();
    b.xhr.answer(502, '<html>Bad gateway</html>', 'Bad Gateway');
    await expect(b.promise).rejects.toMatchObject({
      status: 502,
      message: 'The server answered 502 Bad Gateway.',
    });
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const { xhr, promise } = upload({ signal: controller.signal });
    controller.abort();
    expect(xhr.aborted).toBe(true);
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('upload checks and links', () => {
  it("refuses too large and empty files before uploading, in the server's words", () => {
    const max = 26_214_400;
    expect(uploadProblem(max, max)).toBeNull();
    expect(uploadProblem(max + 1, max)).toBe('The file is larger than the 25 MB upload limit.');
    expect(uploadProblem(0, max)).toBe('The file is empty.');
    expect(tooLargeMessage(10 * 1024 * 1024)).toBe('The file is larger than the 10 MB upload limit.');
  });

  it('encodes the file name and builds the download link', () => {
    expect(uploadPath('a&b=c #1.png')).toBe('/api/attachments?name=a%26b%3Dc%20%231.png');
    expect(downloadUrl('/api/attachments/4/file')).toBe('/api/attachments/4/file?download=1');
    expect(downloadUrl('/api/attachments/4/file?v=2')).toBe('/api/attachments/4/file?v=2&download=1');
  });
});

describe('a retried inbound attachment', () => {
  const message = (id: number, attachments: Attachment[]): Message => ({
    id,
    conversationId: 1,
    kind: 'user',
    body: '',
    author: null,
    createdAt: '2026-12-04T00:00:00Z',
    direction: 'inbound',
    phoneNumber: '+12015550123',
    deliveries: [],
    held: false,
    attachments,
  });

  it('replaces that attachment in the cached message, leaving the others', () => {
    const qc = new QueryClient();
    const failed = attachment(5, {
      fetch: { status: 'failed', error: 'Twilio answered 404.' },
      texting: null,
    });
    qc.setQueryData<InfiniteData<MessagePage>>(conversationKeys.messages(1), {
      pages: [{ items: [message(1, [attachment(4), failed]), message(2, [])], hasMore: false }],
      pageParams: [null],
    });
    const pending = { ...failed, fetch: { status: 'pending' as const, error: null } };
    expect(replaceAttachment(qc, 1, pending)).toBe(true);
    const items = qc.getQueryData<InfiniteData<MessagePage>>(conversationKeys.messages(1))!.pages[0]!.items;
    expect(items[0]!.attachments.map((a) => a.fetch?.status ?? null)).toEqual([null, 'pending']);
    expect(replaceAttachment(qc, 1, attachment(99))).toBe(false);
    expect(replaceAttachment(qc, 2, pending)).toBe(false);
  });
});
