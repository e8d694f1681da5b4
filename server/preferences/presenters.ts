import { z } from 'zod';
import type { ConversationTypeRow } from './preferences.table.js';

export const conversationTypeOut = z.object({
  id: z.number(),
  name: z.string(),
  active: z.boolean(),
  position: z.number(),
});
export type ConversationTypeOut = z.infer<typeof conversationTypeOut>;

export function presentConversationType(t: ConversationTypeRow): ConversationTypeOut {
  return { id: t.id, name: t.name, active: t.active === 1, position: t.position };
}

/** What every signed-in user may know about the company (the web header shows it). */
export const companyOut = z.object({ companyName: z.string() });
