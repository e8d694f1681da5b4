/** The values a custom link template may use, filled from a conversation's linked records. */
export const LINK_PLACEHOLDERS = ['transactionId', 'customerId', 'vendorId'] as const;
export type LinkPlaceholder = (typeof LINK_PLACEHOLDERS)[number];

export type LinkValues = Partial<Record<LinkPlaceholder, string | { unavailable: string }>>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders a template uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Why a template cannot be saved, or null: unknown placeholders, or not an http(s) URL once filled. */
export function templateProblem(template: string): string | null {
  const unknown = placeholdersOf(template).filter((p) => !(LINK_PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length) {
    return `uses ${unknown.map((p) => `{${p}}`).join(', ')}, which is not a placeholder (use ${LINK_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`;
  }
  const sample = template.replace(PLACEHOLDER, 'X1');
  try {
    const url = new URL(sample);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http:// or https:// URL';
  } catch {
    return 'must be an http:// or https:// URL';
  }
  return null;
}

export type Expanded = { ok: true; url: string } | { ok: false; reason: string };

const LABELS: Record<LinkPlaceholder, string> = {
  transactionId: 'a transaction',
  customerId: 'a customer',
  vendorId: 'a vendor',
};

/**
 * Fills a template's placeholders (URL-encoded). A placeholder without a value makes the whole
 * link unavailable, with the reason (the first missing value's, or a generic one).
 */
export function expandTemplate(template: string, values: LinkValues): Expanded {
  for (const p of placeholdersOf(template) as LinkPlaceholder[]) {
    const v = values[p];
    if (v === undefined) return { ok: false, reason: `This conversation is not linked to ${LABELS[p] ?? p}.` };
    if (typeof v !== 'string') return { ok: false, reason: v.unavailable };
  }
  return { ok: true, url: template.replace(PLACEHOLDER, (_m, p: LinkPlaceholder) => encodeURIComponent(values[p] as string)) };
}
