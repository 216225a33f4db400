// Writes the framework typings of <task-progress> into dist/, generated from custom-elements.json
// by the analyzer's integration generators: JSX (React 19 and others), Vue 3 and Svelte 5. Each
// has an empty JS module beside it, so that `import 'task-progress/vue'` resolves everywhere.
import { readFileSync, writeFileSync } from 'node:fs';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateSvelteTypes } from 'custom-element-svelte-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const options = { outdir: 'dist', componentTypePath: () => './index.js', hideLogs: true };

generateJsxTypes(manifest, { ...options, fileName: 'jsx.d.ts' });
generateVuejsTypes(manifest, { ...options, fileName: 'vue.d.ts' });
generateSvelteTypes(manifest, { ...options, fileName: 'svelte.d.ts' });

// React 19 renders custom elements natively; this adds the tag to React's JSX.
writeFileSync(
  'dist/react-jsx.d.ts',
  `import type { CustomElements } from './jsx.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`,
);
for (const name of ['jsx', 'vue', 'svelte', 'react-jsx']) writeFileSync(`dist/${name}.js`, 'export {};\n');
