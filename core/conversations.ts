/** What a conversation can be tagged with: people who see it, and records it is about. */
export const TAG_KINDS = ['user', 'group', 'customer', 'vendor', 'transaction'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

/** Tags that grant visibility: the users tagged, and members of the groups tagged. */
export function isAudienceTag(kind: TagKind): boolean {
  return kind === 'user' || kind === 'group';
}

export const MAX_MESSAGE_LENGTH = 10_000;
export const MAX_SUBJECT_LENGTH = 200;

/** Twilio refuses a message body longer than this (error 21617). */
export const MAX_TEXT_LENGTH = 1600;

/** Unread messages are counted up to this many per conversation (shown as "99+"), so a huge unread thread costs no more than a small one. */
export const UNREAD_COUNT_CAP = 100;
