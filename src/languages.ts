// The element's language and direction: its closest `lang` (its own, an ancestor's, through shadow
// roots), whose translation is loaded the first time it is needed from the module beside this one,
// and the direction it inherits. Both are read again when a `lang` or `dir` changes above it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onFirstNeed } from './first-need.js';
import type { TaskProgressStrings } from './strings.js';

/** The languages with a translation in ./translations/ (English is built in). */
export const TRANSLATED = [
  ...['ar', 'de', 'es', 'fr', 'he', 'hi', 'id', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'ru', 'tr', 'uk', 'vi'],
  ...['zh', 'zh-Hant'],
];

/**
 * The translation a `lang` asks for: its language, whatever the region (pt-BR is pt), and for
 * Chinese its script, written or implied by the region (zh-TW, zh-HK, zh-MO and zh-Hant are
 * Traditional, zh-CN and zh-Hans Simplified). `_` is read as `-` (zh_TW).
 */
export function translationOf(lang: string): string {
  const tag = lang.trim().replace(/_/g, '-');
  try {
    const locale = new Intl.Locale(tag);
    return locale.language === 'zh' && locale.maximize().script === 'Hant' ? 'zh-Hant' : locale.language;
  } catch {
    return tag.toLowerCase().split('-')[0] ?? ''; // not a well-formed tag
  }
}

const loaded: Partial<Record<string, () => Promise<{ strings: TaskProgressStrings }>>> = {};

/**
 * The translation of `language`, loaded on first need; undefined for English and for one that
 * failed to load (asked for again when an element next reads its language).
 */
function translation(language: string): Promise<TaskProgressStrings | undefined> {
  if (!TRANSLATED.includes(language)) return Promise.resolve(undefined);
  // Found beside this module wherever it is served from (a CDN serving dist/ works); not
  // bundled, so the self-contained file carries English only. An app's bundler leaves the import
  // alone too (`webpackIgnore`, which Turbopack reads as well: without it Next.js fails the build).
  const file = `./translations/${language}.js`;
  return (loaded[language] ??= onFirstNeed(
    (): Promise<{ strings: TaskProgressStrings }> =>
      import(/* @vite-ignore */ /* webpackIgnore: true */ new URL(file, import.meta.url).href),
  ))().then(
    (module) => module.strings,
    () => undefined,
  );
}

/** The `lang` of the closest element that has one, through shadow roots; '' for none. */
function closestLang(element: Element): string {
  for (
    let node: Element | undefined = element;
    node;
    node = (node.getRootNode() as Partial<ShadowRoot>).host
  ) {
    const found = node.closest('[lang]');
    if (found) return found.getAttribute('lang') ?? '';
  }
  return '';
}

export class LanguageController implements ReactiveController {
  /** The translation shown; undefined for English. */
  strings: TaskProgressStrings | undefined;
  rtl = false;
  /** The `lang` the element is in, as written ('' for none). */
  lang = '';
  #language = '';
  #observer: MutationObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.#read());
    // The document and each shadow root the element is in: a `lang` or `dir` changed anywhere
    // above it (a cheap re-read when it was elsewhere).
    for (
      let root: Node | undefined = this.host.getRootNode();
      root;
      root = (root as Partial<ShadowRoot>).host?.getRootNode()
    ) {
      this.#observer.observe(root, { subtree: true, attributeFilter: ['lang', 'dir'] });
    }
    this.#read();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  #read(): void {
    this.lang = closestLang(this.host);
    const language = translationOf(this.lang);
    this.#language = language;
    void translation(language).then((strings) => {
      if (this.#language !== language) return; // another lang came since
      this.strings = strings;
      this.rtl = getComputedStyle(this.host).direction === 'rtl';
      this.host.requestUpdate();
    });
  }
}
