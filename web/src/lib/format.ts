import { formatCents } from '../../../core/money';

/** Year, month and day of an instant as seen in a time zone (the browser's when undefined). */
function calendarDay(d: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

/** Guards against a time zone the browser does not know: it then shows its own. */
function zoneOrLocal(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Short time for lists: "3:04 PM" today, "Dec 3" this year, "Dec 3, 2025" before, all as seen in
 * `timeZone` (the company's; the browser's own when undefined).
 */
export function shortTime(iso: string, timeZone?: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const tz = zoneOrLocal(timeZone);
  const day = calendarDay(d, tz);
  const today = calendarDay(now, tz);
  if (day === today)
    return d.toLocaleTimeString(undefined, { timeZone: tz, hour: 'numeric', minute: '2-digit' });
  const opts: Intl.DateTimeFormatOptions = { timeZone: tz, month: 'short', day: 'numeric' };
  if (day.slice(0, 4) !== today.slice(0, 4)) opts.year = 'numeric';
  return d.toLocaleDateString(undefined, opts);
}

/** Date and time for messages: "Dec 3, 3:04 PM", with the year when it is not this year. */
export function longTime(iso: string, timeZone?: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const tz = zoneOrLocal(timeZone);
  const opts: Intl.DateTimeFormatOptions = {
    timeZone: tz,
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  };
  if (calendarDay(d, tz).slice(0, 4) !== calendarDay(now, tz).slice(0, 4)) opts.year = 'numeric';
  return d.toLocaleString(undefined, opts);
}

/** The full date and time with the zone's name, for tooltips: "Dec 3, 2026, 3:04:05 PM EST". */
export function fullTime(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(undefined, {
    timeZone: zoneOrLocal(timeZone),
    dateStyle: 'medium',
    timeStyle: 'long',
  });
}

/** Money for display: "$1,234.56". */
export function money(cents: number): string {
  return cents < 0 ? `-$${formatCents(-cents)}` : `$${formatCents(cents)}`;
}

/** Parses "1,234.56" or "$12" into integer cents; null when it is not an amount. */
export function parseMoney(text: string): number | null {
  const t = text.replace(/[$,\s]/g, '');
  if (!/^-?\d+(\.\d{0,2})?$/.test(t)) return null;
  const negative = t.startsWith('-');
  const [whole = '0', frac = ''] = t.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return negative ? -cents : cents;
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Blank text becomes null, for optional API fields. */
export const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/**
 * A file size for people: "812 bytes", "182 KB", "9.1 MB" (1 KB = 1,024 bytes). The server's own
 * (core/attachments.ts), so sizes and the upload limit read the same in the app and in its errors.
 */
export { formatBytes } from '../../../core/attachments';
