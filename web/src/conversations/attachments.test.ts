import { describe, expect, it } from 'vitest';
import type { Attachment } from '../api/types';
import type { DraftAttachment } from './attachments';
import {
  describeAttachments,
  fetchState,
  isUploading,
  moveDraft,
  newDraft,
  opensLabel,
  patchDraft,
  sendableIds,
  showsAsImage,
  textingWords,
  thumbnailSize,
  uploadedDraft,
  withoutDraft,
  withoutSent,
} from './attachments';

const MAX = 26_214_400;

const stored = (id: number, extra: Partial<Attachment> = {}): Attachment => ({
  id,
  fileName: `f${id}.jpg`,
  size: 1000,
  contentType: 'image/jpeg',
  isImage: true,
  width: 800,
  height: 600,
  url: `/api/attachments/${id}/file`,
  thumbnailUrl: `/api/attachments/${id}/thumbnail`,
  viewUrl: null,
  texting: { as: 'mms', note: null },
  link: null,
  fetch: null,
  ...extra,
});

const uploaded = (key: string, id: number): DraftAttachment => ({
  ...newDraft(key, { name: `f${id}.jpg`, size: 1000 }, MAX),
  status: 'uploaded',
  progress: 1,
  attachment: stored(id),
});

describe("the composer's file list", () => {
  it('starts uploading a file within the limit and refuses a larger or empty one at once', () => {
    expect(newDraft('a', { name: 'photo.jpg', size: 1000 }, MAX)).toMatchObject({
      status: 'uploading',
      error: null,
    });
    expect(newDraft('b', { name: 'video.mov', size: MAX + 1 }, MAX)).toMatchObject({
      status: 'failed',
      error: 'The file is larger than the 25 MB upload limit.',
    });
    expect(newDraft('c', { name: 'empty.txt', size: 0 }, MAX)).toMatchObject({
      status: 'failed',
      error: 'The file is empty.',
    });
  });

  it('sends only uploaded files, in the order shown, and waits while any is uploading', () => {
    const refused = newDraft('x', { name: 'big.mov', size: MAX + 1 }, MAX);
    const going = newDraft('y', { name: 'doc.pdf', size: 10 }, MAX);
    let list = [uploaded('a', 1), refused, going, uploaded('b', 2)];
    expect(isUploading(list)).toBe(true);
    expect(sendableIds(list)).toEqual([1, 2]);
    list = patchDraft(list, 'y', { status: 'uploaded', attachment: stored(3) });
    expect(isUploading(list)).toBe(false);
    list = moveDraft(list, 'b', -1);
    list = moveDraft(list, 'b', -1);
    expect(sendableIds(list)).toEqual([1, 2, 3]);
    list = moveDraft(list, 'a', 1);
    expect(sendableIds(list)).toEqual([2, 1, 3]);
  });

  it('leaves the list as it is when moving past either end', () => {
    const list = [uploaded('a', 1), uploaded('b', 2)];
    expect(moveDraft(list, 'a', -1).map((d) => d.key)).toEqual(['a', 'b']);
    expect(moveDraft(list, 'b', 1).map((d) => d.key)).toEqual(['a', 'b']);
    expect(moveDraft(list, 'nope', 1).map((d) => d.key)).toEqual(['a', 'b']);
  });

  it('after a send keeps only what was not sent (refused files stay with their error)', () => {
    const refused = newDraft('x', { name: 'big.mov', size: MAX + 1 }, MAX);
    const list = [uploaded('a', 1), refused, uploaded('b', 2)];
    expect(withoutSent(list, [1, 2])).toEqual([refused]);
    expect(withoutDraft(list, 'a').map((d) => d.key)).toEqual(['x', 'b']);
  });
});

describe('how a file is texted', () => {
  it('names the way and adds the server note', () => {
    expect(textingWords({ as: 'mms', note: null })).toEqual({ how: 'Sent as a picture', note: null });
    expect(textingWords({ as: 'link', note: null })).toEqual({ how: 'Sent as a download link', note: null });
    expect(textingWords({ as: 'mms', note: 'Converted from HEIC to JPEG for MMS.' })).toEqual({
      how: 'Sent as a picture',
      note: 'Converted from HEIC to JPEG for MMS.',
    });
  });

  it('does not say it twice when the note already says how', () => {
    const note = 'Sent as a download link: the picture could not be made smaller than the 5 MB MMS limit.';
    expect(textingWords({ as: 'link', note })).toEqual({ how: null, note });
  });
});

describe('files in the thread', () => {
  it('counts the openings of a download link', () => {
    expect(opensLabel(0)).toBe('Not opened yet');
    expect(opensLabel(1)).toBe('Opened 1 time');
    expect(opensLabel(3)).toBe('Opened 3 times');
  });

  it('shows inbound media once fetched, and pictures only when a thumbnail exists', () => {
    expect(fetchState(stored(1))).toBe('ready');
    expect(fetchState(stored(1, { fetch: { status: 'fetched', error: null } }))).toBe('ready');
    expect(fetchState(stored(1, { fetch: { status: 'pending', error: null } }))).toBe('pending');
    expect(fetchState(stored(1, { fetch: { status: 'failed', error: 'x' } }))).toBe('failed');
    expect(showsAsImage(stored(1))).toBe(true);
    expect(showsAsImage(stored(1, { thumbnailUrl: null }))).toBe(false);
    expect(showsAsImage(stored(1, { isImage: false }))).toBe(false);
  });

  it('fits pictures into 240 × 240 without enlarging small ones', () => {
    expect(thumbnailSize(4032, 3024)).toEqual({ width: 240, height: 180 });
    expect(thumbnailSize(3024, 4032)).toEqual({ width: 180, height: 240 });
    expect(thumbnailSize(100, 50)).toEqual({ width: 100, height: 50 });
    expect(thumbnailSize(null, 50)).toEqual({});
  });

  it('describes a message of files alone for the live announcement', () => {
    expect(describeAttachments([stored(1)])).toBe('f1.jpg');
    expect(describeAttachments([stored(1), stored(2)])).toBe('2 attachments');
    expect(describeAttachments([])).toBe('');
  });
});

describe('uploadedDraft', () => {
  it('lists an attachment the server already holds as uploaded and sendable', () => {
    const a = stored(41, { fileName: 'SO-10001-qr.png', contentType: 'image/png', size: 812 });
    const d = uploadedDraft('a9', a);
    expect(d).toEqual({
      key: 'a9',
      fileName: 'SO-10001-qr.png',
      size: 812,
      status: 'uploaded',
      progress: 1,
      error: null,
      attachment: a,
    });
    expect(sendableIds([d])).toEqual([41]);
    expect(isUploading([d])).toBe(false);
  });

  it('keeps the name shown so far when the server gives none', () => {
    expect(uploadedDraft('a1', stored(2, { fileName: '' }), 'SO-1-barcode.png').fileName).toBe(
      'SO-1-barcode.png',
    );
  });
});
