/** How the `fields` and `required` attributes are read. */
import { FIELD_GROUPS, FIELD_NAMES, type FieldName, isFieldName } from './fields.js';

export const DEFAULT_FIELDS = 'firstName lastName email.emailAddress telephone.cell message';
export const DEFAULT_REQUIRED = 'firstName lastName';

export interface FieldList {
  /** Known inputs, in the canonical order of `FIELD_NAMES`, each once. */
  readonly fields: FieldName[];
  /** Names that are neither an input nor a group. */
  readonly unknown: string[];
}

/** Reads a space-separated list of input and group names (`address`, `email`, `telephone`). */
export function parseFieldList(value: string): FieldList {
  const wanted = new Set<FieldName>();
  const unknown: string[] = [];
  for (const name of value.split(/[\s,]+/).filter(Boolean)) {
    const group = Object.hasOwn(FIELD_GROUPS, name) ? FIELD_GROUPS[name] : undefined;
    if (group) group.forEach((field) => wanted.add(field));
    else if (isFieldName(name)) wanted.add(name);
    else unknown.push(name);
  }
  return { fields: FIELD_NAMES.filter((field) => wanted.has(field)), unknown };
}
