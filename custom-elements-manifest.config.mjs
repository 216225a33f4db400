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

export default {
  plugins: [reflectedState()],
  // The public modules: the element, its events and the entry points.
  globs: ['src/task-progress.ts', 'src/events.ts', 'src/index.ts', 'src/define.ts', 'src/react.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself; a check run with another outdir must not rewrite it.
  packagejson: false,
};
