/** What a lead must never contain: an empty string, array or object, anywhere. */

export function hasEmpty(value: unknown): boolean {
  if (value === '' || value === null) return true;
  if (Array.isArray(value)) return value.length === 0 || value.some(hasEmpty);
  if (value && typeof value === 'object') return Object.keys(value).length === 0 || Object.values(value).some(hasEmpty);
  return false;
}

/** The paths of every empty string in a value, for a message that says where. */
export function emptyStrings(value: unknown, path = ''): string[] {
  if (value === '') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => emptyStrings(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => emptyStrings(v, `${path}.${k}`));
  return [];
}
