/** Whether `zone` is a time zone this runtime knows (IANA names such as America/New_York). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The runtime's canonical spelling of a zone ("america/new_york" → "America/New_York"), so a
 * stored zone compares equal however an admin typed it. An unknown zone is returned unchanged
 * for the validator to reject.
 */
export function canonicalTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}

/** The calendar date (YYYY-MM-DD) at instant `at` in `zone`: "today" for the company, not for UTC. */
export function localDate(at: Date, zone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
