/**
 * The offline Twilio emulator: Twilio's Messages REST API, the carrier (statuses, callbacks,
 * media), incoming texts from simulated phones, and the phone simulator page.
 * See server/emulator/README.md.
 */
export { registerTwilioEmulator } from './plugin.js';
export { startTwilioEmulator } from './server.js';
export type { RunningTwilioEmulator, StartTwilioEmulatorOptions } from './server.js';
export { TwilioEmulator } from './emulator.js';
export type { TwilioMessageJson } from './emulator.js';
export { PhoneSendError } from './inbound.js';
export type { PhoneSend } from './inbound.js';
export type { CreateFault, Faults } from './faults.js';
export type { ApiRequest, EmulatorEvent } from './state.js';
export {
  DEMO_ACCOUNT_SID,
  DEMO_AUTH_TOKEN,
  DEMO_MESSAGING_SERVICE_SID,
  DEMO_PHONE_NUMBER,
  RESERVED_NUMBERS,
  reservedBehaviour,
} from './constants.js';
export type { ReservedBehaviour, ReservedNumber } from './constants.js';
export type {
  EmulatorAccount,
  EmulatorClock,
  EmulatorNumber,
  StatusDelays,
  TwilioEmulatorOptions,
  WebhookDelivery,
  WebhookRetryOptions,
} from './types.js';
