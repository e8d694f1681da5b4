/**
 * Default texts of the opt-in process. Placeholders: {company}, {companyPhone},
 * {privacyPolicyUrl}, {termsUrl}; a line whose placeholder has no value is left out.
 */
export const DEFAULT_TEXTS = {
  optInRequest:
    '{company}: reply START to receive text messages from us about your orders and account. Msg & data rates may apply. Reply STOP to opt out, HELP for help.\nPrivacy: {privacyPolicyUrl}\nTerms: {termsUrl}',
  optInConfirmation:
    '{company}: you are now subscribed to text messages about your orders and account. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to opt out.',
  helpReply: '{company}: for help call {companyPhone} or reply to this message. Msg & data rates may apply. Reply STOP to opt out.',
  verbalScript:
    'May {company} send text messages to this number about your orders and account? Message frequency varies. Message and data rates may apply. You can reply STOP at any time to opt out, or HELP for help. Our privacy policy is at {privacyPolicyUrl} and our terms are at {termsUrl}.',
};

export interface TextValues {
  company: string;
  companyPhone: string | null;
  privacyPolicyUrl: string | null;
  termsUrl: string | null;
}

/** Fills a template; lines naming a placeholder without a value are dropped, other gaps read "(not set)". */
export function fillText(template: string, values: TextValues): string {
  const map: Record<string, string | null> = {
    company: values.company,
    companyPhone: values.companyPhone,
    privacyPolicyUrl: values.privacyPolicyUrl,
    termsUrl: values.termsUrl,
  };
  return template
    .split('\n')
    .filter((line) => {
      const names = [...line.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      // A line that is only about a missing link is dropped rather than shown half-empty.
      return !(line.trim().length < 60 && names.some((n) => n in map && !map[n]));
    })
    .map((line) => line.replace(/\{(\w+)\}/g, (whole, name: string) => (name in map ? (map[name] ?? '(not set)') : whole)))
    .join('\n');
}

/** The placeholder values from the company's settings. */
export function textValuesFrom(prefs: { companyName: string; companyPhone: string | null; privacyPolicyUrl: string | null; termsUrl: string | null }): TextValues {
  return { company: prefs.companyName, companyPhone: prefs.companyPhone, privacyPolicyUrl: prefs.privacyPolicyUrl, termsUrl: prefs.termsUrl };
}
