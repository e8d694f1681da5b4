export const CONTACT_METHOD_TYPES = ['Phone', 'Cell Phone', 'Email', 'Fax', 'Other'] as const;
export type ContactMethodType = (typeof CONTACT_METHOD_TYPES)[number];

/** Only Phone and Cell Phone contact methods carry a number that can be texted. */
export function isPhoneContactMethod(type: ContactMethodType): boolean {
  return type === 'Phone' || type === 'Cell Phone';
}
