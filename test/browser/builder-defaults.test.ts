// The snippet builder leaves out an attribute at its default, so its defaults must be the element's own: each is
// read here from a new element, through the property the attribute maps to.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { VitecLeadFormElement } from '../../src/element/lead-form.js';
import { ATTRIBUTE_NAMES, ATTRIBUTES } from '../../demo/builder/snippet.js';

describe('<vitec-lead-form> and the snippet builder', () => {
  it('should have the defaults the builder leaves out', () => {
    const element = document.createElement('vitec-lead-form') as VitecLeadFormElement;
    const properties = [...VitecLeadFormElement.elementProperties].flatMap(([name, options]) =>
      typeof options.attribute === 'string' ? [[options.attribute, name] as const] : [],
    );
    const byAttribute = new Map(properties);
    for (const [name, options] of VitecLeadFormElement.elementProperties)
      if ((options.attribute === true || options.attribute === undefined) && typeof name === 'string')
        byAttribute.set(name.toLowerCase(), name);
    for (const attribute of ATTRIBUTE_NAMES) {
      const property = byAttribute.get(attribute);
      expect(property, `a property for ${attribute}`).to.be.a('string');
      const value = (element as unknown as Record<string, unknown>)[property as string];
      const expected = ATTRIBUTES[attribute].default;
      expect(typeof expected === 'boolean' ? Boolean(value) : String(value ?? ''), attribute).to.equal(expected);
    }
  });
});
