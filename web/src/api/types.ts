import type { ContactMethodType } from '../../../core/contact-methods';
import type { TagKind } from '../../../core/conversations';
import type { DeliveryStatus } from '../../../core/delivery-status';
import type { LedgerSide, TransactionStatus, TransactionType } from '../../../core/transactions';

export type Role = 'admin' | 'user';

export interface SessionUser {
  id: number;
  username: string;
  name: string;
  role: Role;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  csrfHeader: string;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

export type PartyKind = 'customer' | 'vendor';

export interface PartySummary {
  id: number;
  kind: PartyKind;
  name: string;
  companyName: string | null;
  updatedAt: string;
}

export interface ContactMethod {
  id: number;
  type: ContactMethodType;
  value: string;
  description: string | null;
  /** E.164 for Phone and Cell Phone methods, else null. */
  phoneNumber: string | null;
}

export interface CustomerContact {
  id: number;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  /** The phone in E.164, when there is one. */
  phoneNumber: string | null;
}

export interface Party extends PartySummary {
  createdAt: string;
  contactMethods: ContactMethod[];
  contacts: CustomerContact[];
}

export interface PartyInput {
  name: string;
  companyName: string | null;
  contactMethods: { id?: number; type: ContactMethodType; value: string; description: string | null }[];
  contacts: { id?: number; name: string; title: string | null; phone: string | null; email: string | null }[];
}

export interface Transaction {
  id: number;
  transactionId: string;
  type: TransactionType;
  typeLabel: string;
  side: LedgerSide;
  party: { kind: PartyKind; id: number; name: string };
  status: TransactionStatus;
  date: string;
  totalCents: number;
  memo: string;
  createdAt: string;
  updatedAt: string;
}

export interface TransactionInput {
  type?: TransactionType;
  customerId?: number;
  vendorId?: number;
  status: TransactionStatus;
  date: string;
  totalCents: number;
  memo: string;
}

export interface User {
  id: number;
  username: string;
  name: string;
  email?: string | null;
  role: Role;
  active: boolean;
}

export interface UserInput {
  name: string;
  username: string;
  email: string | null;
  role: Role;
  active: boolean;
  password?: string;
}

export interface UserGroup {
  id: number;
  name: string;
  description: string | null;
  memberCount: number;
}

export interface UserGroupDetails extends UserGroup {
  members: { id: number; name: string; username?: string }[];
}

export interface ConversationType {
  id: number;
  name: string;
  active: boolean;
  position: number;
}

export interface Preferences {
  companyName: string;
  companyPhone: string | null;
  timeZone: string;
  defaultConversationTypeId: number | null;
  /** The URL Twilio reaches this server at (webhooks, status callbacks, attachment links); null = the server's own. */
  publicBaseUrl: string | null;
  /** Pictures over this many KB are re-encoded smaller for MMS (at most 5,120). */
  mmsSizeLimitKb: number;
  /** Two-letter country code for numbers typed without one. */
  defaultRegion: string;
  /** Links for people opting in to texts. */
  privacyPolicyUrl: string | null;
  termsUrl: string | null;
  /** Texts of the opt-in process: {company}, {companyPhone}, {privacyPolicyUrl}, {termsUrl} are filled in. */
  optInRequestText: string;
  optInConfirmationText: string;
  helpReplyText: string;
  verbalOptInScript: string;
  /** Orphan conversations (texts from unknown numbers) are tagged with this group… */
  orphanUserGroupId: number | null;
  /** …and given this type. */
  orphanConversationTypeId: number | null;
  transactionCode: 'barcode' | 'qr';
  linkTemplates: { name: string; url: string }[];
}

/** What every signed-in user may know of the company (GET /api/company). */
export interface Company {
  companyName: string;
  timeZone: string;
  defaultRegion: string;
  defaultConversationTypeId: number | null;
  /** The suggested script for verbal opt-in, filled in with the company's details. */
  verbalOptInScript: string;
  /** The largest file one upload may be (POST /api/attachments), in bytes. */
  uploadMaxBytes: number;
  transactionCode: 'barcode' | 'qr';
  texting: {
    /** Texting works: credentials are set, or the built-in emulator runs. */
    available: boolean;
    usingEmulator: boolean;
    /** The phone simulator page while the built-in emulator is in use. */
    simulatorUrl: string | null;
  };
}

/** Company Preferences > Add-Ons > Conversations: the Twilio integration, never with a secret. */
export interface TwilioSettings {
  accountSid: string | null;
  authTokenSet: boolean;
  apiKeySid: string | null;
  messagingServiceSid: string | null;
  fromNumber: string | null;
  configured: boolean;
  usingEmulator: boolean;
  /** The base URL in effect (the preference, else the server's own). */
  publicBaseUrl: string | null;
  webhookUrls: { messages: string; status: string } | null;
}

export interface TwilioKeyInput {
  accountSid: string;
  authToken: string;
  apiKeySid?: string | null;
  apiKeySecret?: string | null;
}

export interface TwilioSenderInput {
  messagingServiceSid: string | null;
  fromNumber: string | null;
}

export interface Tag {
  kind: TagKind;
  id: number;
  label: string;
}

export interface ConversationSummary {
  id: number;
  subject: string;
  status: 'open' | 'closed';
  type: { id: number; name: string } | null;
  lastActivityAt: string;
  unreadCount: number;
  lastMessage: {
    id: number;
    body: string;
    authorName: string | null;
    createdAt: string;
    deleted: boolean;
    /** The files an attachment message carries (it has no text of its own). */
    attachmentNames: string[];
  } | null;
  tags: Tag[];
  /** The external phones this conversation texts; empty for an internal conversation. */
  phoneNumbers: PhoneEndpoint[];
  /** The conversation includes an external participant (it texts phones). */
  external: boolean;
  /** Non-null while the conversation waits in the Orphan Conversation User Group (Claim / assign). */
  orphan?: { groupId: number; groupName: string } | null;
}

export type ConsentState = 'none' | 'pending' | 'opted_in' | 'opted_out';

export interface PhoneEndpoint {
  /** E.164, e.g. +12015550123. */
  number: string;
  /** How it is shown: the Contact Card's Label, else its Name, else the formatted number. */
  label: string;
  /** The number formatted, e.g. (201) 555-0123. */
  formatted: string;
  consent: ConsentState;
  textingDisabled: boolean;
}

export interface Conversation extends ConversationSummary {
  createdAt: string;
  createdBy: { id: number; name: string } | null;
  closedAt: string | null;
}

export type { DeliveryStatus };

/** One recipient's delivery state of an outbound text. */
export interface Delivery {
  id: number;
  messageId: number;
  /** E.164. */
  to: string;
  status: DeliveryStatus;
  errorCode: number | null;
  errorReason: string | null;
  /** The failure explained in plain English. */
  errorMessage: string | null;
  attempts: number;
  updatedAt: string;
}

export type MessageDirection = 'internal' | 'outbound' | 'inbound';

/** A file sent or received in a conversation (AttachmentOut on the server). */
export interface Attachment {
  id: number;
  fileName: string;
  /** Bytes of the original file. */
  size: number;
  /** Detected from the bytes by the server. */
  contentType: string;
  /** A thumbnail exists and it can be shown inline. */
  isImage: boolean;
  width: number | null;
  height: number | null;
  /** The original, for staff: GET /api/attachments/:id/file (add ?download=1 to force a download). */
  url: string;
  /** GET /api/attachments/:id/thumbnail (JPEG, at most 640 px) when isImage. */
  thumbnailUrl: string | null;
  /** The picture at full size as a browser can show it (a JPEG copy for HEIC, TIFF, …); null for other files. */
  viewUrl: string | null;
  /** How it is (or would be) texted to phones; null in internal conversations and for inbound media. */
  texting: { as: 'mms' | 'link'; note: string | null } | null;
  /** For attachments sent as a download link: when the link expires and every time it was opened. */
  link: {
    expiresAt: string | null;
    expired: boolean;
    opens: { at: string; kind: 'page' | 'download' }[];
  } | null;
  /** Inbound media only: fetching it from Twilio. */
  fetch: { status: 'pending' | 'fetched' | 'failed'; error: string | null } | null;
}

export interface Message {
  id: number;
  conversationId: number;
  kind: 'user' | 'system';
  body: string;
  /** Null for system messages without an actor and for inbound texts. */
  author: { id: number; name: string } | null;
  createdAt: string;
  /** internal: staff only; outbound: texted to the conversation's phones; inbound: from a phone. */
  direction: MessageDirection;
  /** The phone that sent an inbound text (E.164). */
  phoneNumber: string | null;
  /** Outbound only: each recipient's delivery state. */
  deliveries: Delivery[];
  /** An outbound message waiting for its recipients to opt in (sent when they do, or discarded). */
  held: boolean;
  /** A deleted message keeps only who deleted it and when (its body is empty). */
  deleted?: { by: string | null; at: string } | null;
  /**
   * Its files: exactly one on an outbound or internal attachment message (whose body is usually
   * ''), any number on an inbound MMS, none on text-only and deleted messages.
   */
  attachments: Attachment[];
  /** The transaction created from (and associated with) this message; null when there is none. */
  transaction?: { id: number; transactionId: string; type: TransactionType } | null;
}

/** What posting a message answers: the first message created, and every one the post created. */
export interface SentMessage extends Message {
  /** In order: the text first (if any), then one message per attachment. */
  batch: Message[];
}

export interface ConversationPage {
  items: ConversationSummary[];
  nextCursor: string | null;
}

export interface MessagePage {
  items: Message[];
  hasMore: boolean;
}

/** A conversation after numbers were added: maybe another one (an existing thread, or a new one). */
export interface ConversationChange extends Conversation {
  /** The new set of numbers already had an open conversation: this is it. */
  redirected: boolean;
  /** The original already held messages, so a new conversation with the same tags was made. */
  createdNew: boolean;
}

/** A number suggested for "Add Phone Number", from the records the conversation is tagged with. */
export interface PhoneSuggestion {
  phoneNumber: string;
  formatted: string;
  /** Whose number it is, e.g. "Ada Lovelace — Cell Phone (mobile)". */
  source: string;
  kind: PartyKind;
  partyId: number;
}

/** Everything stored about one external phone number; there is one card per number. */
export interface ContactCard {
  /** E.164. */
  phoneNumber: string;
  formatted: string;
  /** How the number shows in conversations: Label, else Name, else the formatted number. */
  displayLabel: string;
  name: string | null;
  companyName: string | null;
  label: string | null;
  notes: string | null;
  textingDisabled: boolean;
  consent: { state: ConsentState; label: string; at: string | null };
  /** Whether details are stored for this number yet. */
  saved: boolean;
  /** Customers and vendors whose Contact Methods (or Customer Contacts) hold the number. */
  links: { kind: PartyKind; id: number; name: string; via: string }[];
}

/** One entry of a number's consent ledger. */
export interface ConsentEntry {
  id: number;
  event: string;
  stateAfter: ConsentState;
  method: string;
  user: { id: number; name: string } | null;
  inboundMessageId: number | null;
  text: string | null;
  createdAt: string;
}

export interface ContactCardDetails extends ContactCard {
  history: ConsentEntry[];
}

export interface ContactCardInput {
  name: string | null;
  companyName: string | null;
  label: string | null;
  notes: string | null;
  textingDisabled: boolean;
}
