// Writes docs/api.md, the API reference, from custom-elements.json (scripts/check-manifest.mjs
// fails when it is stale).
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as prettier from 'prettier';
import { elementDeclaration } from './manifest.mjs';

export const API_DOC = 'docs/api.md';

/**
 * @typedef {{ name: string, type?: { text: string }, default?: string, description?: string,
 *   kind?: string, privacy?: string, static?: boolean, readonly?: boolean, fieldName?: string,
 *   attribute?: string, parameters?: { name: string, optional?: boolean }[] }} Item
 */

/** @param {string | undefined} text */
const cell = (text) => (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** @param {string | undefined} text */
const code = (text) => (text ? `\`${cell(text)}\`` : '');

/**
 * @param {string[]} head
 * @param {string[][]} rows
 */
function table(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** @param {any} manifest */
export function apiMarkdown(manifest) {
  const element = elementDeclaration(manifest);
  /** @type {Item[]} */
  const members = element.members ?? [];
  /** @type {Item[]} */
  const attributes = element.attributes ?? [];
  const fields = members.filter((m) => m.kind === 'field' && m.privacy !== 'private' && !m.static);
  /** A method's parameters as a call shows them: `body?`. */
  const signature = (/** @type {{ name: string, optional?: boolean }[] | undefined} */ parameters = []) =>
    parameters.map((parameter) => `${parameter.name}${parameter.optional ? '?' : ''}`).join(', ');
  const methods = members.filter((m) => m.kind === 'method' && m.privacy !== 'private' && !m.static);
  const attributeOf = (/** @type {Item} */ field) => attributes.find((a) => a.fieldName === field.name)?.name;
  return [
    `## Attributes and properties`,
    table(
      ['attribute', 'property', 'type', 'default', 'description'],
      fields
        .map((f) => [
          code(attributeOf(f)) || '—',
          code(f.name) + (f.readonly ? ' (read-only)' : ''),
          code(f.type?.text),
          code(f.default),
          cell(f.description),
        ])
        .concat(
          attributes
            .filter((a) => !a.fieldName)
            .map((a) => [code(a.name), '—', code(a.type?.text), code(a.default), cell(a.description)]),
        ),
    ),
    `## Methods`,
    table(
      ['method', 'description'],
      methods.map((m) => [code(`${m.name}(${signature(m.parameters)})`), cell(m.description)]),
    ),
    `## Events`,
    table(
      ['event', 'detail', 'description'],
      (element.events ?? []).map((/** @type {Item} */ e) => [
        code(e.name),
        code(e.type?.text),
        cell(e.description),
      ]),
    ),
    `## Parts`,
    table(
      ['part', 'description'],
      (element.cssParts ?? []).map((/** @type {Item} */ p) => [code(p.name), cell(p.description)]),
    ),
    `## Slots`,
    table(
      ['slot', 'description'],
      (element.slots ?? []).map((/** @type {Item} */ s) => [code(s.name), cell(s.description)]),
    ),
    `## CSS custom properties`,
    table(
      ['property', 'default', 'description'],
      (element.cssProperties ?? []).map((/** @type {Item} */ p) => [
        code(p.name),
        code(p.default),
        cell(p.description),
      ]),
    ),
  ].join('\n\n');
}

/**
 * docs/api.md as the manifest gives it, formatted as Prettier would.
 * @param {any} manifest
 */
export async function apiReference(manifest) {
  const text = [
    '# API reference',
    '<!-- Generated from custom-elements.json by `npm run analyze`: edit the JSDoc in src/, not this file. -->',
    'The `<task-progress>` element, as its manifest (`custom-elements.json`) describes it. How it behaves over time (states, events, pacing, errors): [the behaviour reference](behaviour.md).',
    apiMarkdown(manifest),
  ].join('\n\n');
  const options = await prettier.resolveConfig(API_DOC);
  return prettier.format(text, { ...options, filepath: API_DOC });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(API_DOC, await apiReference(JSON.parse(await readFile('custom-elements.json', 'utf8'))));
}
