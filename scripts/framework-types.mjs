// Writes the framework typings of <task-progress> into dist/, generated from custom-elements.json:
// JSX (React 19 and others), Preact, Solid, Vue 3 and Svelte 5. Each attribute and property appears once with the
// element's own type; the read-only `state`, `images` and `error` are typed `never`, so that setting
// one from a template is a type error (left out, Vue would take it as a fallthrough attribute).
// Each file has an empty JS module beside it, so that `import 'task-progress/vue'` resolves
// everywhere. `npm run typecheck:consumer` checks them in a strict consumer.
// Written here rather than by the manifest's integration plugins, which were measured with
// `npm run typecheck:consumer` (custom-element-jsx-integration 1.6.0, -solidjs- 1.9.0, -vuejs- 1.4.0
// and -svelte- 1.2.0, with and without `globalTypePath`) and fail it:
// - none can leave out or refuse a read-only member: `state` (also through its reflected attribute),
//   `images` and `error` are settable props, so `state="failed"` type-checks (React, Preact, Solid,
//   Vue), and JSX and Vue declare `state` twice (attribute and property: a duplicate identifier);
// - with `globalTypePath` an attribute without a property (`form`) is typed
//   `TaskProgress["undefined"]`; without it the manifest's type names (`TaskState`, `TaskAdapter`,
//   the event details) are written with no import: either way their .d.ts does not compile;
// - JSX: props by attribute name only, so Preact's `publicAccessToken` property is refused;
//   Solid: no `attr:` props (`attr:form` is refused) and an untyped `ref`;
// - Vue: props by kebab-case name, which vue-tsc does not match to `:poll-interval`, so a wrongly
//   typed attribute passes (also with the duplicate and `form` mended by hand);
// - Svelte: `JSX.Element` and `JSX.CSSProperties`, which a Svelte project lacks, and Svelte 4's
//   `svelteHTML` namespace declared inside a module, so it adds nothing to the element's props.
// What they cannot do (refuse read-only members, compile in a strict consumer, each runtime's own
// prop names) is most of what this script does, so it writes all six files.
import { readFileSync, writeFileSync } from 'node:fs';
import { elementDeclaration } from './manifest.mjs';

const element = elementDeclaration(JSON.parse(readFileSync('custom-elements.json', 'utf8')));

/** @typedef {{ name: string, description?: string }} Named */
/** @type {(Named & { readonly?: boolean })[]} */
const fields = element.members.filter(
  (/** @type {any} */ member) =>
    member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public',
);
const settable = fields.filter((field) => !field.readonly);
const readOnly = fields.filter((field) => field.readonly);
/** @type {(Named & { fieldName?: string, type?: { text: string } })[]} */
const attributes = element.attributes.filter(
  (/** @type {any} */ attribute) => !readOnly.some((field) => field.name === attribute.fieldName),
);
/** @type {Named[]} */
const events = element.events;

/** @param {string | undefined} text */
const doc = (text) => (text ? `  /** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');
/** @param {string} name `task-complete` → `TaskComplete` */
const pascal = (name) => name.replace(/(?:^|-)(\w)/g, (_, letter) => letter.toUpperCase());
/** @param {string} name `start-url` → `startUrl` */
const camel = (name) => name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
/** @param {string} name */
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/**
 * The type of an attribute: its property's, or for an attribute without one (`form`) the manifest's,
 * which then has to be a type that needs no import.
 * @param {Named & { fieldName?: string, type?: { text: string } }} attribute
 */
function attributeType(attribute) {
  if (attribute.fieldName) return `TaskProgress['${attribute.fieldName}']`;
  const text = attribute.type?.text ?? 'string';
  if (!/^(string|number|boolean)$/.test(text)) {
    throw new Error(`The attribute ${attribute.name} has no property, and its type ${text} needs an import.`);
  }
  return text;
}

/** @param {Named} field */
const property = (field) => `${doc(field.description)}  ${field.name}?: TaskProgress['${field.name}'];\n`;
/** @param {Named & { fieldName?: string, type?: { text: string } }} entry @param {string} name */
const attribute = (entry, name) => `${doc(entry.description)}  ${key(name)}?: ${attributeType(entry)};\n`;
const readOnlyProperties = readOnly
  .map((field) => `${doc(`Read-only, not settable. ${field.description ?? ''}`)}  ${field.name}?: never;\n`)
  .join('');
/** @param {(name: string) => string} name the handler's name for an event's name */
const handlers = (name) =>
  events
    .map(
      (event) =>
        `${doc(event.description)}  ${key(name(event.name))}?: (event: HTMLElementEventMap['${event.name}']) => void;\n`,
    )
    .join('');
const attributesWithoutProperty = attributes.filter((attribute) => !attribute.fieldName);
// The attributes not named as their property (`task-id`, `form`), for Svelte, which takes both.
const kebabAttributes = attributes.filter((attribute) => attribute.name !== attribute.fieldName);
const propertiesWithoutAttribute = settable.filter(
  (field) => !attributes.some((a) => a.fieldName === field.name),
);
const header = `import type { TaskProgress } from './index.js';\n`;
/**
 * Adds the tag to the JSX of `module` (React, Preact and Solid each declare a `JSX` namespace).
 * @param {string} module @param {string} props the tag's props type
 */
const intrinsicElement = (module, props) => `declare module '${module}' {
  namespace JSX {
    interface IntrinsicElements {
      'task-progress': ${props};
    }
  }
}
`;

// JSX: attributes by their names (React 19 sets `task-id` as an attribute), the properties that
// have no attribute, `ontask-complete` handlers; and, for JSX runtimes whose own types add nothing
// to a custom element, the attributes every element takes.
writeFileSync(
  'dist/jsx.d.ts',
  `${header}
/** <task-progress> in JSX: \`task-id\`, \`tokenProvider\`, \`ontask-complete\`. */
export type TaskProgressProps = {
${attributes.map((a) => attribute(a, a.name)).join('')}${propertiesWithoutAttribute.map(property).join('')}${readOnlyProperties}${handlers((name) => `on${name}`)}};

/** The attributes every element takes. */
type BaseProps = {
  children?: unknown;
  class?: string;
  className?: string;
  id?: string;
  slot?: string;
  part?: string;
  exportparts?: string;
  hidden?: boolean;
  title?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  tabIndex?: number;
  style?: string | Record<string, string | number>;
  key?: string | number;
  ref?: unknown;
};

/** The tags of this package, for a JSX runtime's \`IntrinsicElements\`. */
export type CustomElements = {
  'task-progress': TaskProgressProps & BaseProps;
};

/** The tags under a prefix or suffix, for an element defined under another name. */
export type ScopedElements<Prefix extends string = '', Suffix extends string = ''> = {
  [Key in keyof CustomElements as \`\${Prefix}\${Key}\${Suffix}\`]: CustomElements[Key];
};
`,
);

// React 19 renders custom elements natively: the element's own props with React's for any element.
writeFileSync(
  'dist/react-jsx.d.ts',
  `import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${header}import type { TaskProgressProps } from './jsx.js';

${intrinsicElement('react', 'DetailedHTMLProps<HTMLAttributes<TaskProgress>, TaskProgress> & TaskProgressProps')}`,
);

// Vue checks a template's props by their camelCase names (`:task-id` is `taskId`) and
// `@task-complete` as `onTaskComplete`.
writeFileSync(
  'dist/vue.d.ts',
  `import type { DefineComponent } from 'vue';
${header}
/** <task-progress> in Vue templates: \`:task-id\`, \`.publicAccessToken\`, \`@task-complete\`. */
export type TaskProgressVueProps = {
${settable.map(property).join('')}${attributesWithoutProperty.map((a) => attribute(a, camel(a.name))).join('')}${readOnlyProperties}${handlers((name) => `on${pascal(name)}`)}};

declare module 'vue' {
  interface GlobalComponents {
    'task-progress': DefineComponent<TaskProgressVueProps>;
  }
}
`,
);

// For the runtimes that set a prop as a property when the element has one, else as an attribute
// (Svelte 5, Preact): both names of each, and `ontask-complete` handlers.
const propertyFirstProps = `${kebabAttributes.map((a) => attribute(a, a.name)).join('')}${settable.map(property).join('')}${readOnlyProperties}${handlers((name) => `on${name}`)}`;

// Svelte 5 takes attributes, properties and `ontask-complete` handlers on the element, through
// `svelte/elements`.
writeFileSync(
  'dist/svelte.d.ts',
  `import type { HTMLAttributes } from 'svelte/elements';
${header}
/** <task-progress> in Svelte 5 markup: attributes, properties, and \`ontask-complete\` style events. */
export type TaskProgressSvelteProps = HTMLAttributes<TaskProgress> & {
${propertyFirstProps}};

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'task-progress': TaskProgressSvelteProps;
  }
}
`,
);

// Preact sets a prop as a property when the element has one (`publicAccessToken`), else as an
// attribute (`task-id`), and `ontask-complete` listens for `task-complete`.
writeFileSync(
  'dist/preact.d.ts',
  `import type { HTMLAttributes } from 'preact';
${header}
/** <task-progress> in Preact: \`task-id\`, \`publicAccessToken\`, \`ontask-complete\`. */
export type TaskProgressPreactProps = HTMLAttributes<TaskProgress> & {
${propertyFirstProps}};

${intrinsicElement('preact', 'TaskProgressPreactProps')}`,
);

// Solid sets every unprefixed prop of a custom element as the property its kebab-case name
// camel-cases to (lower-casing the rest, so \`publicAccessToken\` would miss): the properties by
// their attributes' names; \`prop:\` for those without an attribute, \`attr:\` for attributes
// (\`form\` has no property), \`on:task-complete\` for events. A boolean attribute is left out of
// \`attr:\`, where \`false\` would still set it.
const solidAttributes = attributes.filter((a) => !/\bboolean\b/.test(a.type?.text ?? ''));
writeFileSync(
  'dist/solid.d.ts',
  `import type { JSX } from 'solid-js';
${header}
/** <task-progress> in Solid: \`task-id\`, \`public-access-token\` (properties), \`attr:form\`, \`on:task-complete\`. */
export type TaskProgressSolidProps = JSX.HTMLAttributes<TaskProgress> & {
${attributes
  .filter((a) => a.fieldName)
  .map((a) => attribute(a, a.name))
  .join(
    '',
  )}${propertiesWithoutAttribute.map((field) => `${doc(field.description)}  'prop:${field.name}'?: TaskProgress['${field.name}'];\n`).join('')}${solidAttributes.map((a) => attribute(a, `attr:${a.name}`)).join('')}${readOnlyProperties}${handlers((name) => `on:${name}`)}};

${intrinsicElement('solid-js', 'TaskProgressSolidProps')}`,
);

for (const name of ['jsx', 'vue', 'svelte', 'react-jsx', 'preact', 'solid'])
  writeFileSync(`dist/${name}.js`, 'export {};\n');
