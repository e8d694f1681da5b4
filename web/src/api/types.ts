import type { ContactMethodType } from '../../../core/contact-methods';
import type { TagKind } from '../../../core/conversations';
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
}

export interface CustomerContact {
  id: number;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
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
}

export interface Company {
  companyName: string;
  /** Not in the contract yet; used when the server starts sending it. */
  defaultConversationTypeId?: number | null;
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
  lastMessage: { id: number; body: string; authorName: string | null; createdAt: string } | null;
  tags: Tag[];
}

export interface Conversation extends ConversationSummary {
  createdAt: string;
  createdBy: { id: number; name: string } | null;
  closedAt: string | null;
}

export interface Message {
  id: number;
  conversationId: number;
  kind: 'user' | 'system';
  body: string;
  author: { id: number; name: string } | null;
  createdAt: string;
}

export interface ConversationPage {
  items: ConversationSummary[];
  nextCursor: string | null;
}

export interface MessagePage {
  items: Message[];
  hasMore: boolean;
}
