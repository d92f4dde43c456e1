/**
 * The limits of the lead's parts that are no input (an input's own limit is in the field table, fields.ts),
 * without the schema: the visit capture needs them before Zod loads. In UTF-16 code units; documented for site
 * owners (docs/site-owners.md).
 */
export const LIMITS = {
  leadSourceName: 100,
  referrer: 500,
  utmTags: 20,
  utmName: 100,
  utmValue: 250,
  receiverId: 100,
} as const;
