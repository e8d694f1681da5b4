import { parseArgs } from 'node:util';
import { DEMO_MESSAGING_SERVICE_SID, DEMO_PHONE_NUMBER } from './constants.js';
import { startTwilioEmulator } from './server.js';

// `npm run emulator [-- --port 3001 --host 127.0.0.1 --sms-url http://127.0.0.1:3000/webhooks/twilio/messages]`
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3001' },
    host: { type: 'string', default: '127.0.0.1' },
    'sms-url': { type: 'string' },
    'public-url': { type: 'string' },
    /** Milliseconds per carrier step (queued → sending → sent → delivered). */
    'status-delay-ms': { type: 'string' },
  },
});

const smsUrl = values['sms-url'];
const running = await startTwilioEmulator({
  port: Number(values.port),
  host: values.host,
  ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
  ...(values['status-delay-ms'] ? { statusDelaysMs: Number(values['status-delay-ms']) } : {}),
  numbers: [{ phoneNumber: DEMO_PHONE_NUMBER, messagingServiceSid: DEMO_MESSAGING_SERVICE_SID, ...(smsUrl ? { smsUrl } : {}) }],
});
const [account] = running.emulator.accounts;
console.log(
  [
    '',
    `Twilio emulator listening at ${running.url}`,
    `  Account SID:        ${account?.accountSid}`,
    `  Auth Token:         ${account?.authToken}`,
    `  Business number:    ${DEMO_PHONE_NUMBER} (Messaging Service ${DEMO_MESSAGING_SERVICE_SID})`,
    `  Incoming webhook:   ${smsUrl ?? '(none: set it with --sms-url or PUT /emulator/api/numbers)'}`,
    `  Phone simulator:    ${running.url}/simulator`,
    '',
  ].join('\n'),
);

const stop = () => void running.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
