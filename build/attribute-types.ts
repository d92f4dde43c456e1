/**
 * `types/attributes.d.ts` from `custom-elements.json`, so that the React and Vue types cannot drift
 * from the element: `npm run build` writes it after the manifest, and a test regenerates it and
 * compares (test/unit/attribute-types.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface ManifestAttribute {
  name: string;
  description?: string;
  type?: { text: string };
}

interface Manifest {
  modules: { declarations?: { tagName?: string; attributes?: ManifestAttribute[] }[] }[];
}

/** The element's attributes, in the order the element declares them. */
export function manifestAttributes(manifest: Manifest, tag = 'vitec-lead-form'): ManifestAttribute[] {
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!element?.attributes?.length) throw new Error(`custom-elements.json has no attributes for <${tag}>`);
  return element.attributes;
}

/** What a template may pass for an attribute of this property type: numbers also as strings, as HTML does. */
function templateType(text = 'string'): string {
  const type = text.replace(/\s*\|\s*undefined/g, '').trim();
  if (type === 'number') return 'number | string';
  return type;
}

/** The declaration file's text. */
export function attributeTypes(manifest: Manifest): string {
  const lines = manifestAttributes(manifest).flatMap((attribute) => {
    const name = /^[a-z]+$/.test(attribute.name) ? attribute.name : `'${attribute.name}'`;
    return [
      ...(attribute.description ? [`  /** ${attribute.description.replace(/\*\//g, '*\\/')} */`] : []),
      `  ${name}?: ${templateType(attribute.type?.text)};`,
    ];
  });
  return [
    '// Written by `npm run build` from custom-elements.json (build/attribute-types.ts): do not edit by hand.',
    '',
    "/** The attributes of `<vitec-lead-form>`, as a framework's template types see them. */",
    'export interface VitecLeadFormAttributes {',
    ...lines,
    '}',
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as Manifest;
  writeFileSync('types/attributes.d.ts', attributeTypes(manifest));
}
