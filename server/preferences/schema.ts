import { z } from 'zod';
import { requiredText } from '../http/schemas.js';

/** A Conversation Type as an admin creates or replaces it. */
export const conversationTypeIn = z.object({
  name: requiredText(100),
  active: z.boolean().default(true),
  /** Sort order in pickers; ties are broken by name. */
  position: z.number().int().min(0).max(1_000_000).default(0),
});
export type ConversationTypeInput = z.output<typeof conversationTypeIn>;

export const conversationTypeListQuery = z.object({
  /** Admins only: also list retired types (for the settings page). */
  includeInactive: z.stringbool().default(false),
});
