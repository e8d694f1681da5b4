import { z } from 'zod';
import { MAX_MESSAGE_LENGTH, MAX_SUBJECT_LENGTH, TAG_KINDS } from '../../core/conversations.js';
import { requiredText } from '../http/schemas.js';

export const tagIn = z.object({ kind: z.enum(TAG_KINDS), id: z.number().int().positive() });
export type TagInput = z.infer<typeof tagIn>;

export const messageBody = z
  .string()
  .max(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`)
  .refine((s) => s.trim().length > 0, 'must not be empty');

/** A post: text and/or attachments (ids of uploads, in the order they are shown). */
export const postMessageIn = z
  .object({
    body: z.string().max(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`).default(''),
    attachmentIds: z.array(z.number().int().positive()).max(10, 'must list at most 10 attachments').default([]),
  })
  .superRefine((v, ctx) => {
    if (v.body.trim().length === 0 && v.attachmentIds.length === 0) ctx.addIssue({ code: 'custom', path: ['body'], message: 'must not be empty' });
  });

export const createConversationIn = z.object({
  subject: requiredText(MAX_SUBJECT_LENGTH),
  typeId: z.number().int().positive().nullish().transform((v) => v ?? null),
  tags: z.array(tagIn).max(50).default([]),
  /** External phone numbers to text; a set that already has an open thread redirects there. */
  phoneNumbers: z.array(z.string().max(50)).max(10).default([]),
  body: messageBody.optional(),
});
export type CreateConversationInput = Omit<z.output<typeof createConversationIn>, 'phoneNumbers'> & { phoneNumbers?: string[] };

export const listConversationsQuery = z.object({
  status: z.enum(['open', 'closed', 'all']).default('open'),
  /** `kind:id`, e.g. `customer:5`: only conversations tagged with that record. */
  tag: z
    .string()
    .regex(/^(user|group|customer|vendor|transaction):\d+$/, 'must look like customer:5')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListConversationsQuery = z.output<typeof listConversationsQuery>;

export const listMessagesQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'is required').max(200),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const tagParams = z.object({
  id: z.coerce.number().int().positive(),
  kind: z.enum(TAG_KINDS),
  refId: z.coerce.number().int().positive(),
});
