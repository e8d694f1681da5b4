/**
 * Twilio's REST error body: `{ code, message, more_info, status }`
 * (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions), and the
 * messages it uses for the codes the emulator answers or reports on a message.
 */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

/** An error the REST routes turn into Twilio's error JSON with its HTTP status. */
export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }

  toJSON(): TwilioErrorBody {
    return { code: this.code, message: this.message, more_info: moreInfo(this.code), status: this.status };
  }
}

export const moreInfo = (code: number) => `https://www.twilio.com/docs/errors/${code}`;

/**
 * Error codes a message can end with (its `error_code`/`ErrorCode`) and the description Twilio
 * gives them (https://www.twilio.com/docs/api/errors).
 */
export const DELIVERY_ERRORS = {
  11200: 'HTTP retrieval failure',
  11751: 'Media Message - Media exceeds messaging provider size limit',
  12300: 'Invalid Content-Type',
  30003: 'Unreachable destination handset',
  30005: 'Unknown destination handset',
  30006: 'Landline or unreachable carrier',
  30007: 'Message filtered',
  30008: 'Unknown error',
} as const satisfies Record<number, string>;

export type DeliveryErrorCode = keyof typeof DELIVERY_ERRORS;

export const errors = {
  authenticate: () => new TwilioApiError(401, 20003, 'Authenticate'),
  invalidUsername: () => new TwilioApiError(401, 20003, 'Authentication Error - invalid username'),
  notFound: (path: string) => new TwilioApiError(404, 20404, `The requested resource ${path} was not found`),
  toRequired: () => new TwilioApiError(400, 21604, "A 'To' phone number is required."),
  fromRequired: () => new TwilioApiError(400, 21603, "A 'From' phone number is required."),
  bodyRequired: () => new TwilioApiError(400, 21602, 'Message body is required.'),
  invalidTo: (to: string) => new TwilioApiError(400, 21211, `Invalid 'To' Phone Number: ${to}`),
  invalidFrom: (from: string) => new TwilioApiError(400, 21212, `Invalid From Number (caller ID): ${from}`),
  fromNotOwned: (from: string) =>
    new TwilioApiError(
      400,
      21606,
      `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
    ),
  sameToFrom: () => new TwilioApiError(400, 21266, "'To' and 'From' number cannot be the same"),
  bodyTooLong: () => new TwilioApiError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.'),
  notMobile: (to: string) => new TwilioApiError(400, 21614, `'To' number ${to} is not a valid mobile number`),
  unsubscribed: () => new TwilioApiError(400, 21610, 'Attempt to send to unsubscribed recipient'),
  invalidMediaUrl: (url: string) => new TwilioApiError(400, 21620, `Invalid media URL(s): ${url}`),
  tooManyMedia: () => new TwilioApiError(400, 21623, 'Number of media files exceeds allowed limit'),
  invalidService: (sid: string) => new TwilioApiError(400, 21701, `The Messaging Service Sid ${sid} is invalid.`),
  invalidStatusCallback: (url: string) => new TwilioApiError(400, 21609, `Invalid StatusCallback URL: ${url}`),
  invalidParameter: (name: string, value: string) => new TwilioApiError(400, 20001, `Invalid ${name}: ${value}`),
};
