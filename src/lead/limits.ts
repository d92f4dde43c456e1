/**
 * The schema's limits and error codes, without the schema: the page-side code that needs them (the
 * visit capture, the texts) loads before Zod does.
 */
/** The limits the schema enforces, in UTF-16 code units; documented for site owners (docs/site-owners.md). */
export const LIMITS = {
  name: 30,
  socialSecurityNumber: 20,
  streetAddress: 100,
  city: 50,
  email: 254,
  message: 4000,
  leadSourceName: 100,
  referrer: 500,
  utmTags: 20,
  utmName: 100,
  utmValue: 250,
  receiverId: 100,
} as const;

export type ErrorCode =
  | 'required'
  | 'tooLong'
  | 'email'
  | 'phone'
  | 'zipCode'
  | 'personnummer'
  | 'contactRequired'
  | 'characters'
  | 'invalid';
