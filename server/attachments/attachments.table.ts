import type { Generated, Selectable } from 'kysely';

export type FetchStatus = 'pending' | 'fetched' | 'failed';

export interface AttachmentsTable {
  id: Generated<number>;
  /** Null while uploaded but not yet sent. */
  message_id: number | null;
  /** Order within an inbound message's media. */
  position: Generated<number>;
  uploaded_by: number | null;
  file_name: string;
  /** Sniffed from the bytes. */
  content_type: string;
  size: Generated<number>;
  sha256: string | null;
  /** The original file; null once deleted, or for inbound media not fetched yet. */
  storage_key: string | null;
  width: number | null;
  height: number | null;
  thumbnail_key: string | null;
  /** A picture prepared for MMS (converted to JPEG or made to fit the limit), when not the original. */
  mms_key: string | null;
  mms_content_type: string | null;
  mms_size: number | null;
  /** 1 when it can be texted as an MMS picture (a picture that fits, or was made to fit). */
  mms_ok: Generated<number>;
  /** How the picture was prepared for texting, or why it goes as a link. */
  texting_note: string | null;
  /** Set when texted: as an MMS picture or a download link. */
  send_as: 'mms' | 'link' | null;
  link_token_hash: string | null;
  link_expires_at: string | null;
  /** Inbound media: Twilio's MediaUrl and the state of fetching it. */
  source_url: string | null;
  fetch_status: FetchStatus | null;
  fetch_attempts: Generated<number>;
  fetch_error: string | null;
  next_fetch_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  created_at: string;
  deleted_at: string | null;
}
export type AttachmentRow = Selectable<AttachmentsTable>;

export interface AttachmentOpensTable {
  id: Generated<number>;
  attachment_id: number;
  kind: 'page' | 'download';
  opened_at: string;
  user_agent: string | null;
}

/** Files of the database attachment store. */
export interface AttachmentBlobsTable {
  key: string;
  bytes: Buffer;
  size: number;
  created_at: string;
}
