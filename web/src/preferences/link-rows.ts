import type { LinkTemplate } from '../api/link-templates';
import { MAX_LINK_NAME_LENGTH } from '../api/link-templates';
import type { FieldErrors } from '../lib/fields';

/** One editable row of Company Preferences > Links. */
export interface LinkRow {
  /** Local id, stable while the row is on screen. */
  key: string;
  name: string;
  url: string;
}

let nextKey = 1;

export const emptyLinkRow = (): LinkRow => ({ key: `l${nextKey++}`, name: '', url: '' });

export const linkRowsFrom = (templates: readonly LinkTemplate[] | null | undefined): LinkRow[] =>
  (templates ?? []).map((t) => ({ key: `l${nextKey++}`, name: t.name, url: t.url }));

/** Rows left entirely blank are dropped before saving (an "Add Link" never filled in). */
export const withoutBlankLinkRows = (rows: readonly LinkRow[]): LinkRow[] =>
  rows.filter((r) => r.name.trim() !== '' || r.url.trim() !== '');

/**
 * The problems the form finds itself, keyed like the server's (`linkTemplates.0.name`), so they
 * show on the same row: a name or URL missing, a name too long. The server checks the rest (the
 * URL and its placeholders, duplicates, how many).
 */
export function linkRowErrors(rows: readonly LinkRow[]): FieldErrors {
  const out: FieldErrors = {};
  rows.forEach((r, i) => {
    const name = r.name.trim();
    if (!name) out[`linkTemplates.${i}.name`] = 'is required';
    else if (name.length > MAX_LINK_NAME_LENGTH)
      out[`linkTemplates.${i}.name`] = `must be at most ${MAX_LINK_NAME_LENGTH} characters`;
    if (!r.url.trim()) out[`linkTemplates.${i}.url`] = 'is required';
  });
  return out;
}

/** The rows as PUT /api/preferences takes them, trimmed, in order. */
export const linkTemplatesOf = (rows: readonly LinkRow[]): LinkTemplate[] =>
  rows.map((r) => ({ name: r.name.trim(), url: r.url.trim() }));

/** What a row's "Remove" button is called: "Remove Order status", or "Remove link 2" while unnamed. */
export const removeLinkLabel = (row: LinkRow, index: number): string =>
  `Remove ${row.name.trim() || `link ${index + 1}`}`;
