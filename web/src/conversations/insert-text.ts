/** The text box after an insertion, and where the cursor goes (just after what was inserted). */
export interface Insertion {
  text: string;
  cursor: number;
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

/**
 * Puts `insert` in place of the selection [start, end) of `text` (at the cursor when nothing is
 * selected). A space goes before it when it would otherwise touch the word before, and after it
 * when it would touch the word after, so an inserted link stays a link of its own. Out-of-range or
 * reversed positions are clamped; an unknown cursor (null) means the end of the text.
 */
export function insertAtCursor(
  text: string,
  start: number | null | undefined,
  end: number | null | undefined,
  insert: string,
): Insertion {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  let from = clamp(start ?? text.length);
  let to = clamp(end ?? from);
  if (to < from) [from, to] = [to, from];
  if (!insert) return { text: text.slice(0, from) + text.slice(to), cursor: from };
  const before = text.slice(0, from);
  const after = text.slice(to);
  const lead = before.length > 0 && !isSpace(before[before.length - 1]) && !isSpace(insert[0]) ? ' ' : '';
  const trail = after.length > 0 && !isSpace(after[0]) && !isSpace(insert[insert.length - 1]) ? ' ' : '';
  const middle = `${lead}${insert}${trail}`;
  return { text: before + middle + after, cursor: before.length + lead.length + insert.length };
}
