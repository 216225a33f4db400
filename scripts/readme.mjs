// README.md and its code blocks, for the tests that check that what it says is true.
import { readFileSync } from 'node:fs';

export const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/**
 * The first ````lang` block of README's section `heading` (a whole heading line, such as
 * `### Plain HTML`), without its fences.
 * @param {string} heading
 * @param {string} lang
 */
export function readmeCodeBlock(heading, lang) {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`README has no section "${heading}"`);
  const section = readme.slice(start + heading.length + 2).split(/\n#{1,3} /)[0];
  const block = section.match(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'm'));
  if (!block) throw new Error(`README's "${heading}" has no ${lang} block`);
  return block[1];
}
