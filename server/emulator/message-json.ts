import { API_VERSION } from './constants.js';
import { rfc2822 } from './format.js';
import type { StoredMedia, StoredMessage } from './types.js';

const base = (accountSid: string) => `/${API_VERSION}/Accounts/${accountSid}`;
export const messageUri = (m: { accountSid: string; sid: string }) => `${base(m.accountSid)}/Messages/${m.sid}.json`;
export const mediaListUri = (m: { accountSid: string; sid: string }) => `${base(m.accountSid)}/Messages/${m.sid}/Media.json`;
/** The media file itself (no extension): what MediaUrl0 points at. */
export const mediaContentPath = (me: StoredMedia) => `${base(me.accountSid)}/Messages/${me.parentSid}/Media/${me.sid}`;

/**
 * A Message resource exactly as Twilio's JSON has it
 * (https://www.twilio.com/docs/messaging/api/message-resource): counts are strings, dates RFC 2822.
 */
export function messageJson(m: StoredMessage) {
  return {
    account_sid: m.accountSid,
    api_version: API_VERSION,
    body: m.body,
    date_created: rfc2822(m.dateCreated),
    date_sent: m.dateSent ? rfc2822(m.dateSent) : null,
    date_updated: rfc2822(m.dateUpdated),
    direction: m.direction,
    error_code: m.errorCode,
    error_message: m.errorMessage,
    from: m.from,
    messaging_service_sid: m.messagingServiceSid,
    num_media: String(m.numMedia),
    num_segments: String(m.numSegments),
    price: m.price,
    price_unit: 'USD',
    sid: m.sid,
    status: m.status,
    subresource_uris: { media: mediaListUri(m) },
    to: m.to,
    uri: messageUri(m),
  };
}

/** A Media resource (https://www.twilio.com/docs/messaging/api/media-resource). */
export function mediaJson(me: StoredMedia) {
  return {
    account_sid: me.accountSid,
    content_type: me.contentType,
    date_created: rfc2822(me.dateCreated),
    date_updated: rfc2822(me.dateCreated),
    parent_sid: me.parentSid,
    sid: me.sid,
    uri: `${mediaContentPath(me)}.json`,
  };
}

export interface PageRequest {
  /** The list's path without query, e.g. /2010-04-01/Accounts/AC…/Messages.json */
  path: string;
  /** Filters to repeat in every page URI (To, From, DateSent…). */
  filters: Record<string, string>;
  pageSize: number;
  page: number;
  pageToken: string | undefined;
}

function pageUri(req: PageRequest, page: number, token?: string): string {
  const query = new URLSearchParams({ ...req.filters, PageSize: String(req.pageSize), Page: String(page) });
  if (token) query.set('PageToken', token);
  return `${req.path}?${query.toString()}`;
}

/**
 * One page of a Twilio list, with its paging fields. Twilio pages by token (`PA` + the SID of the
 * previous page's last item) so new messages do not shift later pages; `Page` alone also works.
 */
export function pageOf<T extends { sid: string }, J>(
  req: PageRequest,
  key: string,
  items: T[],
  present: (item: T) => J,
): Record<string, unknown> {
  let startIndex = req.page * req.pageSize;
  if (req.pageToken?.startsWith('PA')) {
    const after = items.findIndex((i) => i.sid === req.pageToken!.slice(2));
    if (after >= 0) startIndex = after + 1;
  }
  const slice = items.slice(startIndex, startIndex + req.pageSize);
  const hasNext = startIndex + req.pageSize < items.length;
  const last = slice[slice.length - 1];
  return {
    end: startIndex + Math.max(slice.length, 1) - 1,
    first_page_uri: pageUri(req, 0),
    [key]: slice.map(present),
    next_page_uri: hasNext && last ? pageUri(req, req.page + 1, `PA${last.sid}`) : null,
    page: req.page,
    page_size: req.pageSize,
    previous_page_uri: req.page > 0 ? pageUri(req, req.page - 1) : null,
    start: startIndex,
    uri: pageUri(req, req.page, req.pageToken),
  };
}
