import { timingSafeEqual } from 'node:crypto';
import type { EmulatorAccount } from './types.js';
import { errors } from './twilio-errors.js';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Username and password of an HTTP Basic `Authorization` header, if it is one. */
export function basicCredentials(header: string | undefined): { username: string; password: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Twilio's REST authentication: HTTP Basic with AccountSid:AuthToken, or an API Key SID:secret
 * of the same account (https://www.twilio.com/docs/usage/requests-to-twilio). Credentials for
 * another account than the one in the path are refused too, like Twilio's 20003.
 */
export function authenticate(header: string | undefined, pathAccountSid: string, accounts: EmulatorAccount[]): EmulatorAccount {
  const credentials = basicCredentials(header);
  if (!credentials) throw errors.authenticate();
  const { username, password } = credentials;
  // Twilio words an unknown username differently from a wrong secret; both are 20003.
  const known = accounts.some((a) => a.accountSid === username || a.apiKeys?.some((k) => k.sid === username));
  if (!known) throw errors.invalidUsername();
  const account = accounts.find((a) => a.accountSid === pathAccountSid);
  if (!account) throw errors.authenticate();
  if (username === account.accountSid && same(password, account.authToken)) return account;
  const key = account.apiKeys?.find((k) => k.sid === username);
  if (key && same(password, key.secret)) return account;
  throw errors.authenticate();
}
