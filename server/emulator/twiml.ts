const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? '';
  });
}

/**
 * The texts of the `<Message>` verbs in a TwiML answer to an incoming-message webhook, which
 * Twilio sends back to the phone (https://www.twilio.com/docs/messaging/twiml/message). Only
 * the body is carried (a `<Body>` child or the verb's text); an empty `<Response/>` gives none.
 */
export function parseTwimlReplies(xml: string): string[] {
  if (!/<Response[\s>/]/.test(xml)) return [];
  const out: string[] = [];
  for (const match of xml.matchAll(/<Message(?:\s[^>]*)?>([\s\S]*?)<\/Message>/g)) {
    const inner = match[1]!;
    const body = /<Body>([\s\S]*?)<\/Body>/.exec(inner)?.[1] ?? inner.replace(/<Media>[\s\S]*?<\/Media>/g, '');
    const text = decode(body.replace(/<[^>]+>/g, '')).trim();
    if (text) out.push(text);
  }
  return out;
}
