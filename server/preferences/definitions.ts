import { z } from 'zod';
import type { DbOrTrx } from '../db/schema.js';
import { canonicalTimeZone, isValidTimeZone } from './time-zone.js';
import { DEFAULT_TEXTS } from '../../core/opt-in-texts.js';
import { templateProblem } from '../../core/link-templates.js';

/**
 * One Company Preference. `schema` validates what an admin submits and also encodes responses,
 * so it may check, trim and overwrite but must not `.transform()` (fastify-type-provider-zod
 * encodes responses, which a one-way transform cannot do); use a codec to change the type.
 */
export interface PreferenceDefinition<S extends z.ZodType> {
  schema: S;
  default: z.output<S>;
  /** A check that needs the database (a reference to another record); returns a problem or null. */
  check?(db: DbOrTrx, value: z.output<S>): Promise<string | null>;
}

const define = <S extends z.ZodType>(definition: PreferenceDefinition<S>) => definition;

/** Trimmed text where blank means "not set" (null), without a one-way transform. */
const nullableText = (max: number) =>
  z.codec(z.string().trim().max(max).nullable(), z.string().nullable(), {
    decode: (v) => (v === '' ? null : v),
    encode: (v) => v,
  });

const timeZone = z
  .string()
  .trim()
  .refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York')
  .overwrite(canonicalTimeZone);

async function conversationTypeExists(db: DbOrTrx, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const row = await db.selectFrom('conversation_types').select('id').where('id', '=', id).executeTakeFirst();
  return row ? null : `must be an existing conversation type (there is no type ${id})`;
}

/**
 * Every Company Preference: settings an admin changes at run time, stored one row per key as
 * JSON. Adding a setting is one entry here; the API, validation and defaults follow from it.
 */
async function userGroupExists(db: DbOrTrx, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const row = await db.selectFrom('user_groups').select('id').where('id', '=', id).executeTakeFirst();
  return row ? null : `must be an existing user group (there is no group ${id})`;
}

/** An absolute http(s) URL without a trailing slash, or null. */
const baseUrl = z.codec(
  z.union([z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }), z.literal('')]).nullable(),
  z.string().nullable(),
  { decode: (v) => (v ? v.replace(/\/+$/, '') : null), encode: (v) => v },
);

const messageTemplate = z.string().trim().min(1, 'is required').max(1000);

/** A named custom link: a URL with {transactionId}, {customerId} or {vendorId} filled from the conversation. */
const linkTemplate = z.object({
  name: z.string().trim().min(1, 'is required').max(60, 'must be at most 60 characters'),
  url: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(1000)
    .superRefine((v, ctx) => {
      const problem = templateProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

export const PREFERENCES = {
  companyName: define({ schema: z.string().trim().min(1, 'is required').max(200), default: 'Switchboard Demo Co.' }),
  companyPhone: define({ schema: nullableText(50), default: null }),
  timeZone: define({ schema: timeZone, default: 'America/New_York' }),
  defaultConversationTypeId: define({ schema: z.number().int().positive().nullable(), default: null, check: conversationTypeExists }),
  /** The URL Twilio reaches this server at: webhooks, status callbacks and attachment links (the "Conversation Attachment URL"). */
  publicBaseUrl: define({ schema: baseUrl, default: null }),
  /** Pictures larger than this are re-encoded smaller for MMS (Twilio accepts at most 5 MB). */
  mmsSizeLimitKb: define({ schema: z.number().int().min(1, 'must be at least 1 KB').max(5120, 'must be at most 5,120 KB (5 MB, Twilio\'s limit)'), default: 5120 }),
  /** Whether the side panel's button attaches a barcode (Code 128) or a QR code of the Transaction ID. */
  transactionCode: define({ schema: z.enum(['barcode', 'qr']), default: 'qr' as 'barcode' | 'qr' }),
  /** Custom links the composer's Insert Link menu offers. */
  linkTemplates: define({
    schema: z
      .array(linkTemplate)
      .max(20, 'can hold at most 20 links')
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((l, i) => {
          const key = l.name.trim().toLowerCase();
          if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'is already used by another link' });
          seen.add(key);
        });
      }),
    default: [] as { name: string; url: string }[],
  }),
  /** Links shown to people opting in to texts. */
  privacyPolicyUrl: define({ schema: baseUrl, default: null }),
  termsUrl: define({ schema: baseUrl, default: null }),
  /** Texts sent by the opt-in process; {company}, {privacyPolicyUrl}, {termsUrl} and {companyPhone} are filled in. */
  optInRequestText: define({ schema: messageTemplate, default: DEFAULT_TEXTS.optInRequest }),
  optInConfirmationText: define({ schema: messageTemplate, default: DEFAULT_TEXTS.optInConfirmation }),
  helpReplyText: define({ schema: messageTemplate, default: DEFAULT_TEXTS.helpReply }),
  /** The script a user reads to the customer for verbal opt-in. */
  verbalOptInScript: define({ schema: messageTemplate, default: DEFAULT_TEXTS.verbalScript }),
  /** Orphan conversations (texts from unknown numbers) are tagged with this group and typed with this type. */
  orphanUserGroupId: define({ schema: z.number().int().positive().nullable(), default: null, check: userGroupExists }),
  orphanConversationTypeId: define({ schema: z.number().int().positive().nullable(), default: null, check: conversationTypeExists }),
  /** Region for numbers typed without a country code (ISO 3166 alpha-2). */
  defaultRegion: define({ schema: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as US'), default: 'US' }),
};

export type PreferenceKey = keyof typeof PREFERENCES;
export type Preferences = { [K in PreferenceKey]: z.output<(typeof PREFERENCES)[K]['schema']> };
export const PREFERENCE_KEYS = Object.keys(PREFERENCES) as PreferenceKey[];

/** The generic view of a definition, for code that walks every key. */
export const definitionOf = (key: PreferenceKey) => PREFERENCES[key] as PreferenceDefinition<z.ZodType>;

const shape = Object.fromEntries(PREFERENCE_KEYS.map((k) => [k, PREFERENCES[k].schema])) as {
  [K in PreferenceKey]: (typeof PREFERENCES)[K]['schema'];
};

/** All preferences with their values (defaults filled in). */
export const preferencesOut = z.object(shape);

/**
 * A partial update. Unknown keys are refused one by one (rather than zod's single "unrecognized
 * keys" issue) so each is reported as its own field, like any other invalid input.
 */
export const preferencesPatchIn = z
  .looseObject(shape)
  .partial()
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(PREFERENCES, key)) ctx.addIssue({ code: 'custom', path: [key], message: 'is not a known preference' });
    }
  });
export type PreferencesPatch = Partial<Preferences>;
