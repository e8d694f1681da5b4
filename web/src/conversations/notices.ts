/** Said after "Add Phone Number" lands on a conversation that already existed for the numbers. */
export const REDIRECTED_NOTICE = 'This number already has a conversation — you were taken to it.';

/** Said after numbers were added to a conversation that already held messages. */
export const CREATED_NEW_NOTICE =
  'The conversation already had messages, so a new conversation with the same subject, type and tags was started with the numbers added.';

/** What to tell the user on arriving at the conversation an endpoint change answered with. */
export function noticeFor(change: { redirected?: boolean; createdNew?: boolean }): string | null {
  if (change.redirected) return REDIRECTED_NOTICE;
  if (change.createdNew) return CREATED_NEW_NOTICE;
  return null;
}

/** The router state that carries a notice to the next conversation shown. */
export interface NoticeState {
  notice?: string;
}
