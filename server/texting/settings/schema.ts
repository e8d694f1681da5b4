import { z } from 'zod';
import { optionalText } from '../../http/schemas.js';

const sid = (prefix: string) =>
  z.string().trim().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `must be ${prefix} followed by 32 hexadecimal characters`);

/** "Set Twilio API Key": the Account SID with its Auth Token, and optionally an API Key for REST calls. */
export const setTwilioKeyIn = z
  .object({
    accountSid: sid('AC'),
    authToken: z.string().trim().regex(/^[0-9a-fA-F]{32}$/, 'must be the 32-character Auth Token'),
    apiKeySid: sid('SK').nullish(),
    apiKeySecret: z.string().trim().min(16, 'is too short for an API key secret').max(200).nullish(),
  })
  .refine((v) => !v.apiKeySid === !v.apiKeySecret, { message: 'API Key SID and secret go together', path: ['apiKeySecret'] });
export type SetTwilioKeyInput = z.output<typeof setTwilioKeyIn>;

export const twilioSenderIn = z
  .object({
    messagingServiceSid: sid('MG').nullish().transform((v) => v ?? null),
    fromNumber: optionalText(20),
  })
  .refine((v) => v.messagingServiceSid || v.fromNumber, { message: 'set a Messaging Service SID or a From number', path: ['messagingServiceSid'] });
export type TwilioSenderInput = z.output<typeof twilioSenderIn>;

/** What the preferences screen shows: never a secret, only whether one is set. */
export const twilioSettingsOut = z.object({
  accountSid: z.string().nullable(),
  authTokenSet: z.boolean(),
  apiKeySid: z.string().nullable(),
  messagingServiceSid: z.string().nullable(),
  fromNumber: z.string().nullable(),
  configured: z.boolean(),
  /** Texting currently runs against the built-in emulator. */
  usingEmulator: z.boolean(),
  /** The URL Twilio must be able to reach (webhooks and attachment links). */
  publicBaseUrl: z.string().nullable(),
  webhookUrls: z.object({ messages: z.string(), status: z.string() }).nullable(),
});
export type TwilioSettingsOut = z.infer<typeof twilioSettingsOut>;
