// `npm run analyze` writes custom-elements.json from the source; `npm test` checks it is current.
/** The `state` attribute reflects the read-only `state` property: say so, as for any reflected field. */
function reflectedState() {
  return {
    name: 'reflected-state',
    /** @param {{ customElementsManifest: any }} context */
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const attribute = declaration.attributes?.find((/** @type {any} */ a) => a.name === 'state');
          if (attribute && !attribute.fieldName) attribute.fieldName = 'state';
        }
      }
    },
  };
}

/**
 * The element sets its defaults from one `defaults` object (src/task-progress.ts): write each as
 * the default of its field, as the analyzer does for values assigned one by one.
 */
function defaultsObject() {
  /** @type {Map<string, string>} */
  const defaults = new Map();
  return {
    name: 'defaults-object',
    /** @param {{ ts: typeof import('typescript'), node: import('typescript').Node }} context */
    analyzePhase({ ts, node }) {
      if (!ts.isVariableDeclaration(node) || node.name.getText() !== 'defaults') return;
      if (!node.initializer || !ts.isObjectLiteralExpression(node.initializer)) return;
      for (const property of node.initializer.properties) {
        if (ts.isPropertyAssignment(property)) {
          defaults.set(property.name.getText(), property.initializer.getText().replaceAll('_', ''));
        }
      }
    },
    /** @param {{ customElementsManifest: any }} context */
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          for (const member of declaration.members ?? []) {
            if (member.kind === 'field' && defaults.has(member.name))
              member.default = defaults.get(member.name);
          }
          for (const attribute of declaration.attributes ?? []) {
            if (defaults.has(attribute.fieldName)) attribute.default = defaults.get(attribute.fieldName);
          }
        }
      }
    },
  };
}

export default {
  plugins: [reflectedState(), defaultsObject()],
  // The public modules: the element, its events and the entry points.
  globs: ['src/task-progress.ts', 'src/events.ts', 'src/index.ts', 'src/define.ts', 'src/react.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself; a check run with another outdir must not rewrite it.
  packagejson: false,
};
