import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { attributeTypes, manifestAttributes } from '../../build/attribute-types.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the framework types and custom-elements.json', () => {
  // custom-elements.json is written by `npm run build`, which `npm test` runs first.
  const manifest = JSON.parse(read('custom-elements.json'));

  it('should have types/attributes.d.ts exactly as the manifest makes it', () => {
    assert.equal(
      read('types/attributes.d.ts'),
      attributeTypes(manifest),
      'run npm run build and commit types/attributes.d.ts',
    );
  });

  it('should use every attribute in the React and in the Vue type test', () => {
    const test = read('test/types/frameworks.test.tsx');
    const react = test.slice(test.indexOf('// React'), test.indexOf('// Vue'));
    const vue = test.slice(test.indexOf('// Vue'));
    for (const { name } of manifestAttributes(manifest)) {
      assert.match(react, new RegExp(`\\s${name}[=\\s]`), `React: ${name}`);
      assert.match(vue, new RegExp(`['\\s]${name}'?:`), `Vue: ${name}`);
    }
  });
});
