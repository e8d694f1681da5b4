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

/** What every signed-in user may know of the company's settings. */
export const companyOut = z.object({
  companyName: z.string(),
  timeZone: z.string(),
  defaultRegion: z.string(),
  defaultConversationTypeId: z.number().nullable(),
  /** The opt-in script a user reads for verbal consent, filled in with the company's details. */
  verbalOptInScript: z.string(),
  /** What the side panel's code button attaches: a barcode or a QR code of the Transaction ID. */
  transactionCode: z.enum(['barcode', 'qr']),
  /** The largest file a user may upload, in bytes. */
  uploadMaxBytes: z.number(),
  texting: z.object({
    /** Texting works (credentials set, or the built-in emulator runs). */
    available: z.boolean(),
    usingEmulator: z.boolean(),
    /** The phone simulator page, while the built-in emulator is in use. */
    simulatorUrl: z.string().nullable(),
  }),
});
export type CompanyOut = z.infer<typeof companyOut>;
