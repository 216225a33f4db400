// Each translation (SPEC §6, "Languages, v4"): every key that English has and no other, each text
// a string, and none left as the English one, for every count, kind and number it is written with.
import { expect } from '@open-wc/testing';
import { TRANSLATED } from '../src/languages.js';
import { type TaskProgressStrings, defaultStrings } from '../src/strings.js';

/** The arguments each text that is a function is called with: the counts where plural forms change. */
const SAMPLES: Record<string, unknown[][]> = {
  elapsed: [[0], [65], [3605]],
  eta: [1, 2, 3, 5, 11, 21, 45, 60, 90, 150, 1800].map((seconds) => [seconds]),
  queue: [undefined, 0, 1, 2, 3, 5, 11, 21, 22, 101, 1234].map((ahead) => [ahead]),
  retrying: [[0], [1], [5], [60]],
  busy: [[0], [1], [5], [60]],
  // A single result's alt text is the page's base itself, the same in every language.
  imageAlt: [['X', 2, 4]],
  ...Object.fromEntries(
    ['imageFailed', 'loadFailed', 'download'].map((key) => [
      key,
      ['image', 'video'].flatMap((kind) => [
        [1, 1, kind],
        [2, 4, kind],
      ]),
    ]),
  ),
  'errors.http': [[404], [500]],
  'errors.timeout': [[20], [90], [1800]],
};

/**
 * Texts that may be the same as the English one: those without a letter (a clock, "1:05"; the
 * idle status, empty), and words that are the same in a language.
 */
const SAME: string[] = [];
const isSame = (text: string) => !/\p{L}/u.test(text) || SAME.includes(text);

/** Every text of `strings` by its path (`errors.http`), each sample of a function apart. */
function texts(strings: TaskProgressStrings): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'function') {
      const text = value as (...args: unknown[]) => unknown;
      const samples = SAMPLES[path] ?? [];
      if (!samples.length) found.set(`${path}()`, 'no samples for this function');
      for (const args of samples)
        found.set(`${path}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`, text(...args));
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    } else found.set(path, value);
  };
  walk(strings, '');
  return found;
}

const english = texts(defaultStrings);

describe('each translation has every text, none of them English', () => {
  it('every function of the English strings has samples', () => {
    expect(
      [...english.entries()].filter(([, text]) => text === 'no samples for this function'),
    ).to.deep.equal([]);
  });

  for (const language of TRANSLATED) {
    it(language, async () => {
      const { strings } = (await import(`../src/translations/${language}.js`)) as {
        strings: TaskProgressStrings;
      };
      const translated = texts(strings);
      expect([...translated.keys()], 'the same keys as English, no more').to.deep.equal([...english.keys()]);
      const wrong = [...translated].filter(
        ([path, text]) => typeof text !== 'string' || (text === english.get(path) && !isSame(text)),
      );
      expect(wrong, 'each a string, and none the English one').to.deep.equal([]);
    });
  }
});
