// Writes the framework typings of <task-progress> into dist/, generated from custom-elements.json:
// JSX (React 19 and others) by the analyzer's integration generator, Vue 3 and Svelte 5 here. Each
// has an empty JS module beside it, so that `import 'task-progress/vue'` resolves everywhere.
import { readFileSync, writeFileSync } from 'node:fs';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { elementDeclaration } from './manifest.mjs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const options = { outdir: 'dist', componentTypePath: () => './index.js', hideLogs: true };

// The generator prints its result in colour codes even with `hideLogs`, into a log file too: quiet it.
const log = console.log;
console.log = () => {};
try {
  generateJsxTypes(manifest, { ...options, fileName: 'jsx.d.ts' });
} finally {
  console.log = log;
}

// Vue 3 and Svelte 5 typings. Vue checks a template's props by their camelCase names and
// `@task-complete` as `onTaskComplete`; Svelte 5 takes attributes, properties and
// `ontask-complete` handlers on the element, through `svelte/elements`.
const element = elementDeclaration(manifest);
/** @type {{ name: string, description?: string }[]} */
const settable = element.members.filter(
  (/** @type {any} */ member) =>
    member.kind === 'field' &&
    !member.static &&
    !member.readonly &&
    (member.privacy ?? 'public') === 'public',
);
/** @type {{ name: string, fieldName: string, description?: string }[]} */
const attributes = element.attributes.filter(
  (/** @type {any} */ attribute) =>
    attribute.name !== attribute.fieldName && settable.some((member) => member.name === attribute.fieldName),
);
/** @type {{ name: string, description?: string }[]} */
const events = element.events;

/** @param {string | undefined} text */
const doc = (text) => (text ? `  /** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');
/** @param {string} name `task-complete` → `TaskComplete` */
const pascal = (name) => name.replace(/(?:^|-)(\w)/g, (_, letter) => letter.toUpperCase());
const handler = (/** @type {string} */ name) => `(event: HTMLElementEventMap['${name}']) => void`;
const properties = settable.map(
  (member) => `${doc(member.description)}  ${member.name}?: TaskProgress['${member.name}'];\n`,
);

writeFileSync(
  'dist/vue.d.ts',
  `import type { DefineComponent } from 'vue';
import type { TaskProgress } from './index.js';

/** <task-progress> in Vue templates: \`:task-id\`, \`.publicAccessToken\`, \`@task-complete\`. */
export type TaskProgressVueProps = {
${properties.join('')}${events.map((event) => `${doc(event.description)}  on${pascal(event.name)}?: ${handler(event.name)};\n`).join('')}};

declare module 'vue' {
  interface GlobalComponents {
    'task-progress': DefineComponent<TaskProgressVueProps>;
  }
}
`,
);

writeFileSync(
  'dist/svelte.d.ts',
  `import type { HTMLAttributes } from 'svelte/elements';
import type { TaskProgress } from './index.js';

/** <task-progress> in Svelte 5 markup: attributes, properties, and \`ontask-complete\` style events. */
export type TaskProgressSvelteProps = HTMLAttributes<TaskProgress> & {
${attributes.map((attribute) => `${doc(attribute.description)}  '${attribute.name}'?: TaskProgress['${attribute.fieldName}'];\n`).join('')}${properties.join('')}${events.map((event) => `${doc(event.description)}  'on${event.name}'?: ${handler(event.name)};\n`).join('')}};

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'task-progress': TaskProgressSvelteProps;
  }
}
`,
);

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
