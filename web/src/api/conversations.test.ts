import { QueryClient } from '@tanstack/react-query';
import type { InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import {
  appendMessage,
  applyDelivery,
  conversationKeys,
  flattenMessages,
  newerDelivery,
  optInRequiredOf,
  replaceMessage,
  sentMessages,
} from './conversations';
import type { Delivery, Message, MessagePage } from './types';

const msg = (id: number, conversationId = 1, extra: Partial<Message> = {}): Message => ({
  id,
  conversationId,
  kind: 'user',
  body: `m${id}`,
  author: { id: 1, name: 'Avery' },
  createdAt: '2026-12-04T00:00:00Z',
  direction: 'internal',
  phoneNumber: null,
  deliveries: [],
  held: false,
  attachments: [],
  ...extra,
});

const delivery = (status: Delivery['status'], extra: Partial<Delivery> = {}): Delivery => ({
  id: 7,
  messageId: 2,
  to: '+12015550123',
  status,
  errorCode: null,
  errorReason: null,
  errorMessage: null,
  attempts: 1,
  updatedAt: '2026-12-04T00:00:01Z',
  ...extra,
});

function cached(qc: QueryClient, id = 1) {
  return qc.getQueryData<InfiniteData<MessagePage>>(conversationKeys.messages(id));
}

describe('message pages', () => {
  it('reads newest-first pages as one oldest-to-newest list without duplicates', () => {
    const data: InfiniteData<MessagePage, number | null> = {
      pages: [
        { items: [msg(4), msg(5)], hasMore: true },
        { items: [msg(2), msg(3), msg(4)], hasMore: false },
      ],
      pageParams: [null, 4],
    };
    expect(flattenMessages(data).map((m) => m.id)).toEqual([2, 3, 4, 5]);
  });

  it('adds a sent or pushed message to the newest page once, even when it arrives twice', () => {
    const qc = new QueryClient();
    qc.setQueryData(conversationKeys.messages(1), {
      pages: [{ items: [msg(1)], hasMore: false }],
      pageParams: [null],
    });
    appendMessage(qc, msg(2));
    appendMessage(qc, msg(2));
    appendMessage(qc, msg(9, 2)); // another conversation, not loaded: ignored
    expect(flattenMessages(cached(qc)).map((m) => m.id)).toEqual([1, 2]);
    expect(qc.getQueryData(conversationKeys.messages(2))).toBeUndefined();
  });
});

describe('live delivery updates', () => {
  const setup = () => {
    const qc = new QueryClient();
    qc.setQueryData(conversationKeys.messages(1), {
      pages: [
        {
          items: [msg(2, 1, { direction: 'outbound', deliveries: [delivery('queued', { attempts: 0 })] })],
          hasMore: true,
        },
        { items: [msg(1)], hasMore: false },
      ],
      pageParams: [null, 2],
    });
    return qc;
  };
  const statusOf = (qc: QueryClient) =>
    flattenMessages(cached(qc)).find((m) => m.id === 2)!.deliveries[0]!.status;

  it("patches the recipient's delivery on the cached message, leaving other pages untouched", () => {
    const qc = setup();
    const olderPage = cached(qc)!.pages[1];
    expect(applyDelivery(qc, 1, 2, delivery('delivered', { updatedAt: '2026-12-04T00:00:03Z' }))).toBe(true);
    expect(statusOf(qc)).toBe('delivered');
    expect(cached(qc)!.pages[1]).toBe(olderPage);
  });

  it('never moves a delivery backwards when events arrive late', () => {
    const qc = setup();
    applyDelivery(qc, 1, 2, delivery('delivered', { updatedAt: '2026-12-04T00:00:03Z' }));
    applyDelivery(qc, 1, 2, delivery('sent', { updatedAt: '2026-12-04T00:00:02Z' }));
    expect(statusOf(qc)).toBe('delivered');
  });

  it('keeps the newest word at the same step (a retry while still queued)', () => {
    const current = delivery('queued', { attempts: 1, updatedAt: '2026-12-04T00:00:01Z' });
    const retry = delivery('queued', { attempts: 2, errorCode: 20429, updatedAt: '2026-12-04T00:00:05Z' });
    expect(newerDelivery(current, retry)).toBe(retry);
    expect(newerDelivery(retry, current)).toBe(retry);
  });

  it('asks for a refetch only when the message is newer than anything loaded', () => {
    const qc = setup();
    expect(applyDelivery(qc, 1, 3, delivery('sent', { messageId: 3 }))).toBe(false);
    // An old message outside the loaded pages: nothing to patch, nothing to refetch.
    expect(applyDelivery(qc, 1, 0, delivery('sent', { messageId: 0 }))).toBe(true);
    // A conversation that is not open: ignored.
    expect(applyDelivery(qc, 5, 3, delivery('sent'))).toBe(true);
  });
});

describe('a message.updated (deletion)', () => {
  it('replaces the message in whichever loaded page holds it, and says when it is not loaded', () => {
    const qc = new QueryClient();
    qc.setQueryData(conversationKeys.messages(1), {
      pages: [
        { items: [msg(3), msg(4)], hasMore: true },
        { items: [msg(1), msg(2)], hasMore: false },
      ],
      pageParams: [null, 3],
    });
    const deleted = { by: 'Maria Lopez', at: '2026-12-04T10:00:00Z' };
    // The deletion's answer names who deleted it but may leave the author out: the shown one stays.
    expect(replaceMessage(qc, msg(2, 1, { body: '', deleted, author: null }))).toBe(true);
    const all = flattenMessages(cached(qc));
    expect(all.map((m) => m.id)).toEqual([1, 2, 3, 4]);
    expect(all[1]).toMatchObject({ body: '', deleted, author: { id: 1, name: 'Avery' } });
    expect(all[0]!.deleted).toBeUndefined();
    expect(replaceMessage(qc, msg(9, 1, { body: '', deleted }))).toBe(false);
    expect(replaceMessage(qc, msg(2, 5, { body: '', deleted }))).toBe(false);
  });
});

describe('a post with attachments', () => {
  it('adds every message the post created, the text first, from its batch', () => {
    const batch = [msg(10), msg(11, 1, { body: '' }), msg(12, 1, { body: '' })];
    expect(sentMessages({ ...batch[0]!, batch }).map((m) => m.id)).toEqual([10, 11, 12]);
    // An answer without a batch is the one message, without the extra field.
    const single = sentMessages({ ...msg(13), batch: undefined as unknown as Message[] });
    expect(single).toHaveLength(1);
    expect(single[0]).not.toHaveProperty('batch');
  });

  it('reads the held batch of OPT_IN_REQUIRED, and does without it', () => {
    const held = [msg(20, 1, { held: true }), msg(21, 1, { held: true, body: '' })];
    const withBatch = new ApiError(409, 'OPT_IN_REQUIRED', 'Opt-in required.', [], {
      numbers: ['+12015550123'],
      message: held[0],
      batch: held,
    });
    expect(optInRequiredOf(withBatch)).toMatchObject({ numbers: ['+12015550123'], message: { id: 20 } });
    expect(optInRequiredOf(withBatch)!.batch.map((m) => m.id)).toEqual([20, 21]);
    const without = new ApiError(409, 'OPT_IN_REQUIRED', 'Opt-in required.', [], {
      numbers: [],
      message: held[0],
    });
    expect(optInRequiredOf(without)!.batch).toEqual([]);
  });
});
