// The element's languages (docs/behaviour.md, "Languages"): its text follows its closest `lang`,
// with the translation loaded from beside the element's module the first time it is needed;
// numbers and durations are written by `Intl` in that language; under `dir="rtl"` it mirrors.
import { expect, fixture, html } from '@open-wc/testing';
import type { TaskProgress } from '../src/index.js';
import { completed, follow, parts, pending, results, untilState } from './helpers/element.js';
import { fakeClock, realClock } from './helpers/fake-clock.js';
import { until } from './helpers/until.js';

const text = (el: Element | undefined) => el?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const status = (el: TaskProgress) => text(parts(el, 'status')[0]);

/** A container with the given attributes, for an element to be mounted in. */
function container(attributes: Record<string, string>): Promise<HTMLDivElement> {
  return fixture<HTMLDivElement>(html`<div></div>`).then((div) => {
    for (const [name, value] of Object.entries(attributes)) div.setAttribute(name, value);
    return div;
  });
}

/** An element following a task that stays pending, mounted in `parent`. */
const followPending = (parent: HTMLElement, props: Parameters<typeof follow>[1] = {}) =>
  follow({ status: [pending] }, props, parent).then(({ el }) => el);

/** The translation modules the page has requested so far. */
const translationRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('/translations/'));

describe('languages: the text follows the closest lang', () => {
  const translated: [string, string][] = [
    ['es', 'Generando…'],
    ['pt-BR', 'Gerando…'],
    ['fr-CA', 'Génération en cours…'],
    ['de', 'Wird generiert…'],
    ['it', 'Generazione in corso…'],
    ['ja', '生成中…'],
    ['ko', '생성 중…'],
    ['zh-CN', '正在生成…'],
    ['zh-Hans', '正在生成…'],
    ['ar', 'جارٍ الإنشاء…'],
    ['he', 'היצירה מתבצעת…'],
    ['ru', 'Генерация…'],
    ['uk', 'Генерування…'],
    ['tr', 'Oluşturuluyor…'],
    ['pl-PL', 'Generowanie…'],
    ['nl-BE', 'Bezig met genereren…'],
    ['id', 'Sedang membuat…'],
    ['vi', 'Đang tạo…'],
    ['hi', 'जनरेट हो रहा है…'],
  ];
  for (const [lang, expected] of translated) {
    it(`lang="${lang}" says "${expected}"`, async () => {
      const el = await followPending(await container({ lang }));
      await until(() => status(el) === expected, `status in ${lang}, is "${status(el)}"`);
    });
  }

  // The progress bar's name tells the scripts apart: 进度 (Simplified), 進度 (Traditional).
  const scripts: [string, string][] = [
    ['zh-TW', '生成進度'],
    ['zh-HK', '生成進度'],
    ['zh-MO', '生成進度'],
    ['zh-Hant', '生成進度'],
    ['zh_TW', '生成進度'],
    ['zh-Hant-CN', '生成進度'],
    ['zh', '生成进度'],
    ['zh-SG', '生成进度'],
    ['zh-Hans-HK', '生成进度'],
  ];
  for (const [lang, expected] of scripts) {
    it(`lang="${lang}" is written in ${expected === '生成進度' ? 'Traditional' : 'Simplified'} Chinese`, async () => {
      const el = await followPending(await container({ lang }));
      const label = () => parts(el, 'progress')[0]?.getAttribute('aria-label');
      await until(() => label() === expected, `${lang}: "${expected}", is "${label()}"`);
    });
  }

  it('an unknown language stays English, with no request', async () => {
    const before = translationRequests().length;
    const el = await followPending(await container({ lang: 'sw-KE' }));
    await untilState(el, 'pending');
    expect(status(el)).to.equal('Generating…');
    expect(translationRequests()).to.have.length(before);
  });

  it("follows <html lang> and a lang above the element's shadow root", async () => {
    const host = await container({ lang: 'ko' });
    const inner = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(inner);
    const el = await followPending(inner);
    await until(() => status(el) === '생성 중…', `status in Korean, is "${status(el)}"`);

    const html = document.documentElement;
    const lang = html.getAttribute('lang');
    try {
      html.setAttribute('lang', 'it');
      const other = await followPending(await container({}));
      await until(
        () => status(other) === 'Generazione in corso…',
        `status in Italian, is "${status(other)}"`,
      );
    } finally {
      if (lang === null) html.removeAttribute('lang');
      else html.setAttribute('lang', lang);
    }
  });

  it('strings overrides win over the translation', async () => {
    const el = await followPending(await container({ lang: 'de' }), {
      strings: { status: { pending: 'Bitte warten…' } },
    });
    // The rest of the translation still applies: the progress bar's name is German.
    const label = () => parts(el, 'progress')[0]?.getAttribute('aria-label');
    await until(() => label() === 'Fortschritt der Generierung', 'German label');
    expect(status(el)).to.equal('Bitte warten…');
  });

  it('a lang changed at run time re-renders in the new language', async () => {
    const parent = await container({ lang: 'de' });
    const el = await followPending(parent);
    await until(() => status(el) === 'Wird generiert…', 'German');
    parent.setAttribute('lang', 'ja');
    await until(() => status(el) === '生成中…', `Japanese, is "${status(el)}"`);
    parent.removeAttribute('lang');
    await until(() => status(el) === 'Generating…', `English, is "${status(el)}"`);
    el.setAttribute('lang', 'es');
    await until(() => status(el) === 'Generando…', `Spanish from its own lang, is "${status(el)}"`);
  });
});

describe('languages: numbers and durations by Intl', () => {
  afterEach(realClock);
  // No request in flight is timed out by a jump of the fake clock (the timeout is twice this).
  const maxPollInterval = 3_600_000;

  it('a count in a sentence takes its plural form: "Queda alrededor de 1 min", "Quedan unos 2 min"', async () => {
    fakeClock();
    const eta = async (expectedDuration: number) => {
      const el = await followPending(await container({ lang: 'es' }), { expectedDuration, maxPollInterval });
      await until(() => parts(el, 'eta').length, 'an ETA');
      return el;
    };
    const one = await eta(60_000);
    const two = await eta(120_000);
    await until(
      () => text(parts(one, 'eta')[0]) === 'Queda alrededor de 1 min',
      `one: ${text(parts(one, 'eta')[0])}`,
    );
    await until(
      () => text(parts(two, 'eta')[0]) === 'Quedan unos 2 min',
      `two: ${text(parts(two, 'eta')[0])}`,
    );
  });

  it('the ETA and the elapsed time are written in the language', async () => {
    const env = fakeClock();
    const ja = await followPending(await container({ lang: 'ja' }), {
      expectedDuration: 50_000,
      maxPollInterval,
    });
    const de = await followPending(await container({ lang: 'de' }), {
      expectedDuration: 600_000,
      maxPollInterval,
    });
    const eta = (el: TaskProgress) => text(parts(el, 'eta')[0]);
    await until(() => eta(ja) === '残り約50秒', `Japanese seconds, no space, is "${eta(ja)}"`);
    await until(() => /^Noch etwa 10\sMin\.$/.test(eta(de)), `German minutes, is "${eta(de)}"`);
    await env.advance(65_000);
    await de.updateComplete;
    expect(text(parts(de, 'elapsed')[0])).to.equal('1:05');
    expect(eta(de)).to.match(/^Noch etwa 9\sMin\.$/);
  });
});

describe('languages: right to left', () => {
  afterEach(realClock);

  it('under an inherited dir="rtl" the grid starts on the right', async () => {
    const parent = await container({ dir: 'rtl' });
    const { el } = await follow({ status: [completed], results: results(3) }, {}, parent);
    await untilState(el, 'completed');
    await until(() => el.shadowRoot?.querySelector('.rtl') !== null, 'mirrored');
    const lefts = parts(el, 'tile').map((tile) => tile.getBoundingClientRect().left);
    expect(lefts).to.have.length(3);
    expect(lefts[0]).to.be.greaterThan(lefts[1] ?? Infinity);
    expect(lefts[1]).to.be.greaterThan(lefts[2] ?? Infinity);
  });

  it('the bar fills from the right under rtl, from the left otherwise', async () => {
    const env = fakeClock();
    const fill = async (dir: string) => {
      const el = await followPending(await container({ dir }), {
        expectedDuration: 100_000,
        maxPollInterval: 3_600_000,
      });
      await until(() => parts(el, 'progress')[0]?.querySelector('rect'), 'determinate bar');
      await env.advance(30_000);
      await el.updateComplete;
      await until(
        () => (el.shadowRoot?.querySelector('.rtl') !== null) === (dir === 'rtl'),
        'direction read',
      );
      const bar = parts(el, 'progress')[0].getBoundingClientRect();
      const rect = (
        parts(el, 'progress')[0]?.querySelector('rect') as SVGRectElement
      ).getBoundingClientRect();
      expect(rect.width, 'partly filled').to.be.within(bar.width * 0.2, bar.width * 0.4);
      return { fromLeft: rect.left - bar.left, fromRight: bar.right - rect.right };
    };
    const rtl = await fill('rtl');
    expect(rtl.fromRight).to.be.below(1);
    expect(rtl.fromLeft).to.be.above(10);
    const ltr = await fill('ltr');
    expect(ltr.fromLeft).to.be.below(1);
    expect(ltr.fromRight).to.be.above(10);
  });
});
