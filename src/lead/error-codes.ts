/**
 * The one list of what can be wrong with a part of a lead: the schema's issues carry these codes, and each
 * language words them (for the visitor by input, for the relay's answers by part). A module of its own, so that
 * the code that loads before the schema (which imports only the type) does not carry the list.
 */
export const ERROR_CODES = [
  'required',
  'tooLong',
  'email',
  'phone',
  'zipCode',
  'personnummer',
  'contactRequired',
  'characters',
  'invalid',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: string): value is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value);
}
