import { QueryClient } from '@tanstack/react-query';
import type { InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { appendMessage, conversationKeys, flattenMessages } from './conversations';
import type { Message, MessagePage } from './types';

const msg = (id: number, conversationId = 1): Message => ({
  id,
  conversationId,
  kind: 'user',
  body: `m${id}`,
  author: { id: 1, name: 'Avery' },
  createdAt: '2026-12-04T00:00:00Z',
});

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
    const data = qc.getQueryData<InfiniteData<MessagePage>>(conversationKeys.messages(1));
    expect(flattenMessages(data).map((m) => m.id)).toEqual([1, 2]);
    expect(qc.getQueryData(conversationKeys.messages(2))).toBeUndefined();
  });
});
