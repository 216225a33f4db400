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
 * The element declares its options once, in the `options` table of src/task-progress.ts (default,
 * doc, `as Option<T>` for a type without a default, and `attribute: false` for one without an
 * attribute, which is otherwise its name in kebab case unless the table names it): write each as a
 * field and an attribute, as the analyzer does for Lit's own property declarations.
 */
function optionsTable() {
  /** @type {{ name: string, attribute: string | undefined, type: string, default?: string, description: string }[]} */
  const options = [];
  return {
    name: 'options-table',
    /** @param {{ ts: typeof import('typescript'), node: import('typescript').Node }} context */
    analyzePhase({ ts, node }) {
      if (!ts.isVariableDeclaration(node) || node.name.getText() !== 'options' || !node.initializer) return;
      const table = ts.isSatisfiesExpression(node.initializer)
        ? node.initializer.expression
        : node.initializer;
      if (!ts.isObjectLiteralExpression(table)) return;
      for (const entry of table.properties) {
        if (!ts.isPropertyAssignment(entry)) continue;
        const name = entry.name.getText();
        const declared = ts.isAsExpression(entry.initializer) ? entry.initializer : undefined;
        const declaration = declared ? declared.expression : entry.initializer;
        if (!ts.isObjectLiteralExpression(declaration))
          throw new Error(`The option ${name} is not an object.`);
        const field = (/** @type {string} */ key) =>
          declaration.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === key);
        const attribute = field('attribute');
        const value = attribute && ts.isPropertyAssignment(attribute) ? attribute.initializer : undefined;
        const initial = field('default');
        const initializer = initial && ts.isPropertyAssignment(initial) ? initial.initializer : undefined;
        const optionType =
          declared && ts.isTypeReferenceNode(declared.type) ? declared.type.typeArguments?.[0] : undefined;
        const type =
          optionType?.getText() ??
          (initializer && ts.isNumericLiteral(initializer)
            ? 'number'
            : initializer && ts.isStringLiteral(initializer)
              ? 'string'
              : 'boolean');
        const doc = ts
          .getJSDocCommentsAndTags(entry)
          .map((tag) => ts.getTextOfJSDocComment(tag.comment) ?? '');
        options.push({
          name,
          attribute:
            value && ts.isStringLiteral(value)
              ? value.text
              : value
                ? undefined
                : name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`),
          type,
          ...(initializer && { default: initializer.getText().replaceAll('_', '') }),
          description: doc.join('\n'),
        });
      }
    },
    /** @param {{ customElementsManifest: any }} context */
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.name !== 'TaskProgress') continue;
          const described = (/** @type {(typeof options)[number]} */ option) => ({
            type: { text: option.type },
            description: option.description,
            ...(option.default !== undefined && { default: option.default }),
          });
          declaration.members = [
            ...options.map((option) => ({
              kind: 'field',
              name: option.name,
              privacy: 'public',
              ...described(option),
              ...(option.attribute && { attribute: option.attribute }),
            })),
            ...(declaration.members ?? []),
          ];
          declaration.attributes = [
            ...options.flatMap((option) =>
              option.attribute
                ? [{ name: option.attribute, ...described(option), fieldName: option.name }]
                : [],
            ),
            ...(declaration.attributes ?? []),
          ];
        }
      }
    },
  };
}

/**
 * The element's events are its event classes in src/events.ts, each naming its type once
 * (`static readonly type`): write each as an event of the element, its type that of its `detail`
 * and its description the class's doc, as a `@fires` tag would.
 */
function eventClasses() {
  /** @type {{ name: string, detail: string, description: string }[]} */
  const events = [];
  return {
    name: 'event-classes',
    /** @param {{ ts: typeof import('typescript'), node: import('typescript').Node }} context */
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node)) return;
      const type = node.members.find(
        (member) =>
          ts.isPropertyDeclaration(member) &&
          member.name.getText() === 'type' &&
          member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword),
      );
      const name = type && ts.isPropertyDeclaration(type) ? type.initializer : undefined;
      if (!name || !ts.isStringLiteral(name)) return;
      const detail = node.heritageClauses?.[0]?.types[0]?.typeArguments?.[0];
      if (!detail) throw new Error(`The event ${name.text} has no detail type.`);
      const doc = ts.getJSDocCommentsAndTags(node).map((tag) => ts.getTextOfJSDocComment(tag.comment) ?? '');
      // One line, as a `@fires` tag's.
      const description = doc.join(' ').replace(/\s+/g, ' ');
      events.push({ name: name.text, detail: detail.getText(), description });
    },
    /** @param {{ customElementsManifest: any }} context */
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.tagName !== 'task-progress') continue;
          declaration.events = events.map(({ name, detail, description }) => ({
            type: { text: detail },
            description,
            name,
          }));
        }
      }
    },
  };
}

export default {
  plugins: [reflectedState(), optionsTable(), eventClasses()],
  // The public modules: the element, its events and the entry points.
  globs: ['src/task-progress.ts', 'src/events.ts', 'src/index.ts', 'src/define.ts', 'src/react.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself; a check run with another outdir must not rewrite it.
  packagejson: false,
};
