// `npm run build` writes custom-elements.json from the element's JSDoc (attributes, properties,
// events, parts, slots, custom properties): what IDEs, Storybook and CMS plugins read.
export default {
  globs: ['src/element/lead-form.ts', 'src/element/lead-form-attributes.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'named-events-only',
      // The analyzer also lists each `dispatchEvent(new X())` without a name; the JSDoc @fires lines are the truth.
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
