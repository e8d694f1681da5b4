/**
 * A conversation's identity among external conversations: its set of phone endpoints. The key is
 * the sorted, de-duplicated E.164 numbers, so the same set always yields the same key.
 */
export function endpointKey(numbers: Iterable<string>): string | null {
  const set = [...new Set(numbers)].sort();
  return set.length ? set.join(',') : null;
}
