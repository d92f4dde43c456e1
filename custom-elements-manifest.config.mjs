// `npm run build` writes custom-elements.json from the element's JSDoc (attributes, properties,
// events, parts, slots, custom properties): what IDEs, Storybook and CMS plugins read.
export default {
  globs: ['src/element/lead-form.ts', 'src/element/lead-form-attributes.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'internal-state-out',
      // A reactive state declared in `static properties` (`{ state: true }`) is the element's own, not its API: the
      // analyzer would list it as a public field (the class field's @internal is lost to the static declaration).
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isPropertyAssignment(node) || !ts.isObjectLiteralExpression(node.initializer)) return;
        const isState = node.initializer.properties.some(
          (p) =>
            ts.isPropertyAssignment(p) &&
            p.name.getText() === 'state' &&
            p.initializer.kind === ts.SyntaxKind.TrueKeyword,
        );
        if (isState) (moduleDoc.internalStates ??= new Set()).add(node.name.getText());
      },
      packageLinkPhase({ customElementsManifest }) {
        const states = new Set(customElementsManifest.modules.flatMap((mod) => [...(mod.internalStates ?? [])]));
        for (const mod of customElementsManifest.modules) {
          delete mod.internalStates;
          for (const declaration of mod.declarations ?? []) {
            if (declaration.members) declaration.members = declaration.members.filter((m) => !states.has(m.name));
            if (declaration.attributes)
              declaration.attributes = declaration.attributes.filter((a) => !states.has(a.fieldName));
          }
        }
      },
    },
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
