// The layout on a phone and the colours and states on light and dark pages (SPEC §6, "Phones" and
// "Colour and states"), measured from what the browser rendered: tile boxes in a 320 px element (a
// 390 px phone less the page's margins), contrast ratios from the computed colours, the disabled
// look and the focus ring.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { mindproxyTask, mynthResults } from '../mock/bodies.js';
import type { Scenario } from '../mock/types.js';
import type { TaskProgress } from '../src/index.js';
import { createTask, mockApiUrl, releaseHeld } from './helpers/mock-api.js';
import { completed, mount, parts, pending, shadow, untilState } from './helpers/element.js';
import { until } from './helpers/until.js';

type Props = Parameters<typeof mount>[0];

const PHONE = 320;

/** A container `width` px wide on a page background of `background`. */
function container(width: number, background = '#fff') {
  return fixture<HTMLDivElement>(html`<div style="width: ${width}px; background: ${background}"></div>`);
}

/** An element following a new task on the mock, in a container `width` px wide. */
async function followIn(width: number, scenario: Scenario, props: Props = {}) {
  const task = await createTask(scenario);
  const parent = await container(width);
  const provider = scenario.provider === 'mindproxy' ? { provider: 'mindproxy' as const } : {};
  return mount({ ...task, ...provider, ...props }, parent);
}

/** A gateway task (any request may read it) whose status answers are `statuses`. */
function gateway(statuses: Parameters<typeof mindproxyTask>[1][], extra: Partial<Scenario> = {}) {
  const taskId = `gw_${Math.random().toString(36).slice(2)}`;
  const status = statuses.map((fields) => ({ json: mindproxyTask(taskId, fields) }));
  return { provider: 'mindproxy', taskId, token: null, status, ...extra } satisfies Scenario;
}

const box = (node: Element) => node.getBoundingClientRect();

/** The distinct left edges of `tiles`, i.e. the columns they are laid out in. */
const columns = (tiles: Element[]) => new Set(tiles.map((tile) => Math.round(box(tile).left))).size;

function expectInside(inner: DOMRect, outer: DOMRect, what: string) {
  expect(inner.left, `${what}: left`).to.be.at.least(outer.left - 0.5);
  expect(inner.right, `${what}: right`).to.be.at.most(outer.right + 0.5);
  expect(inner.top, `${what}: top`).to.be.at.least(outer.top - 0.5);
  expect(inner.bottom, `${what}: bottom`).to.be.at.most(outer.bottom + 0.5);
}

/** `count` tiles in at least two columns, each inside the element. */
function expectTwoColumns(el: TaskProgress, tiles: HTMLElement[], count: number) {
  expect(tiles).to.have.length(count);
  expect(columns(tiles), 'columns').to.be.at.least(2);
  for (const [index, tile] of tiles.entries()) {
    expect(box(tile).width, `tile ${index} width`).to.be.greaterThan(0);
    expectInside(box(tile), box(el), `tile ${index}`);
  }
}

describe('screens: a phone', () => {
  it('four results lay out in two columns in a 320 px element', async () => {
    const { el } = await followIn(PHONE, {
      status: [completed],
      results: [{ json: mynthResults(mockApiUrl, 4, { imageDelay: 8000 }) }],
    });
    await untilState(el, 'completed');
    expectTwoColumns(el, parts(el, 'tile'), 4);
  });

  it('four results keep four columns in a 740 px element', async () => {
    const { el } = await followIn(740, {
      status: [completed],
      results: [{ json: mynthResults(mockApiUrl, 4, { imageDelay: 8000 }) }],
    });
    await untilState(el, 'completed');
    expect(columns(parts(el, 'tile'))).to.equal(4);
  });

  it('four placeholders lay out in two columns in a 320 px element', async () => {
    const { el } = await followIn(PHONE, { status: [pending] }, { expectedCount: 4 });
    expect(el.state).to.equal('pending');
    expectTwoColumns(el, parts(el, 'placeholder'), 4);
  });

  for (const size of ['512x512', '512x768', '768x512']) {
    it(`a failed tile is the size of its neighbours (${size}), its text inside it`, async () => {
      // The first image's URL has expired (and stays so when asked again): it fails to load; the
      // last result failed at the provider; the others are held by the mock, so never load. Each
      // failed tile then has a neighbour in its row, and one in the other row.
      const body = mynthResults(mockApiUrl, 4, { failed: [3], imageDelay: 8000 });
      for (const image of body.images) if (image.size) image.size = size;
      const [first] = body.images;
      if (first.url) first.url = first.url.replace(/delay=\d+/, 'delay=0&expired');
      const { el } = await followIn(PHONE, { status: [completed], results: [{ json: body }] });
      await untilState(el, 'completed');
      await until(() => parts(el, 'image-failed').length === 2, 'two failed tiles');
      await el.updateComplete;
      const tiles = parts(el, 'tile');
      expectTwoColumns(el, tiles, 4);
      const neighbour = box(tiles[1]);
      for (const tile of parts(el, 'image-failed')) {
        const which = tile.textContent.replace(/\s+/g, ' ').trim();
        expect(box(tile).width, `${which}: width`).to.be.closeTo(neighbour.width, 1);
        expect(box(tile).height, `${which}: height`).to.be.closeTo(neighbour.height, 1);
        expect(tile.scrollWidth, `${which}: no overflow across`).to.be.at.most(tile.clientWidth);
        expect(tile.scrollHeight, `${which}: no overflow down`).to.be.at.most(tile.clientHeight);
        for (const line of tile.children) expectInside(box(line), box(tile), which);
      }
    });
  }

  for (const width of [PHONE, 740]) {
    it(`a single video is at least as wide as an image tile, and has the row, in a ${width} px element`, async () => {
      // The media are held back until the boxes are measured: the boxes are the reserved ones.
      const hold = `screens-${width}-${Math.random()}`;
      const held = (name: string) => `${mockApiUrl}/__mock/images/${name}.svg?w=64&hold=${hold}`;
      try {
        const video = await followIn(
          width,
          gateway([
            {
              status: 4,
              taskType: 2,
              assets: { video_url: held('clip'), thumbnail_url: held('poster'), width: 640, height: 360 },
            },
          ]),
        );
        const image = await followIn(width, gateway([{ status: 4, assets: [{ image_url: held('one') }] }]));
        await untilState(video.el, 'completed');
        await untilState(image.el, 'completed');
        const [player] = parts(video.el, 'video');
        const [tile] = parts(image.el, 'tile');
        expect(box(player).width).to.be.at.least(box(tile).width - 0.5);
        expect(box(player).width, 'the grid’s width').to.be.closeTo(box(parts(video.el, 'grid')[0]).width, 1);
        expect(box(player).height).to.be.closeTo((box(player).width * 360) / 640, 1);
      } finally {
        await releaseHeld(hold);
      }
    });
  }
});

/** sRGB channels 0–255 (and alpha) of a computed colour: `rgb(…)`, `rgba(…)` or `color(srgb …)`. */
function rgb(colour: string): [number, number, number, number] {
  const numbers = (colour.match(/[\d.]+/g) ?? []).map(Number);
  const [r, g, b, a = 1] = colour.startsWith('color(srgb')
    ? numbers
    : numbers.map((n, i) => (i < 3 ? n / 255 : n));
  expect(
    [r, g, b].every((n) => n >= 0 && n <= 1),
    `a colour: ${colour}`,
  ).to.equal(true);
  return [r * 255, g * 255, b * 255, a];
}

/** WCAG 2's relative luminance of an opaque colour. */
function luminance(colour: string): number {
  const [r, g, b, alpha] = rgb(colour);
  expect(alpha, `${colour} is opaque`).to.equal(1);
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2's contrast ratio of two opaque colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('screens: colour and states', () => {
  for (const page of ['#fff', '#111']) {
    it(`the default accent of the bar and the buttons has 3:1 against a ${page} page`, async () => {
      const parent = await container(PHONE, page);
      const background = getComputedStyle(parent).backgroundColor;
      const pendingTask = await createTask({ status: [pending] });
      const running = await mount({ ...pendingTask, cancelable: true }, parent);
      const failedTask = await createTask({ status: [{ json: { status: 'failed', error: 'no' } }] });
      const failed = await mount(failedTask, parent);
      await untilState(failed.el, 'failed');

      const bar = shadow(running.el).querySelector('.bar');
      expect(bar, 'the indeterminate bar').to.not.equal(null);
      const colours = {
        bar: getComputedStyle(bar as Element).backgroundColor,
        'Cancel border': getComputedStyle(parts(running.el, 'cancel-button')[0]).borderTopColor,
        'Retry background': getComputedStyle(parts(failed.el, 'retry-button')[0]).backgroundColor,
      };
      for (const [what, colour] of Object.entries(colours))
        expect(contrast(colour, background), `${what} ${colour} on ${background}`).to.be.at.least(3);
      // Retry's own text on the accent is text, for which WCAG asks 4.5:1.
      const retry = getComputedStyle(parts(failed.el, 'retry-button')[0]);
      expect(contrast(retry.color, retry.backgroundColor), 'Retry text').to.be.at.least(4.5);
    });
  }

  it('a disabled button looks disabled: Cancel while cancelling', async () => {
    // The cancel request is held by the mock, so the element stays in "Cancelling".
    const scenario = gateway([{ status: 2 }]);
    const { el } = await followIn(
      PHONE,
      { ...scenario, cancel: [{ delay: 8000, json: {} }] },
      { cancelable: true },
    );
    const button = parts(el, 'cancel-button')[0] as HTMLButtonElement;
    await until(() => parts(el, 'phase')[0]?.textContent.trim() === 'Queued', 'phase Queued');
    const look = () => {
      const { opacity, color, borderTopColor, backgroundColor, cursor } = getComputedStyle(button);
      return { opacity, colours: [color, borderTopColor, backgroundColor].join(' '), cursor };
    };
    const enabled = look();
    button.click();
    await el.updateComplete;
    expect(parts(el, 'phase')[0].textContent.trim()).to.equal('Cancelling');
    expect(button.disabled).to.equal(true);
    const disabled = look();
    expect(disabled.cursor, 'cursor').to.not.equal(enabled.cursor);
    expect(
      disabled.opacity !== enabled.opacity || disabled.colours !== enabled.colours,
      `opacity or colours differ: ${JSON.stringify({ enabled, disabled })}`,
    ).to.equal(true);
  });

  /** Moves the focus with Tab from a button placed before the element until `target` has it. */
  async function tabTo(el: TaskProgress, target: HTMLElement) {
    const start = document.createElement('button');
    start.textContent = 'before';
    el.before(start);
    start.focus();
    for (let step = 0; step < 8 && shadow(el).activeElement !== target; step++)
      await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement, 'focused by Tab').to.equal(target);
    expect(target.matches(':focus-visible'), ':focus-visible').to.equal(true);
  }

  /** The focus ring: drawn, 3:1 against the page behind `el`, and not cut off by the tile around it. */
  function expectRing(el: TaskProgress, target: HTMLElement) {
    const style = getComputedStyle(target);
    expect(style.outlineStyle, 'outline style').to.not.equal('none');
    const width = parseFloat(style.outlineWidth);
    expect(width, 'outline width').to.be.greaterThan(0);
    const page = getComputedStyle(el.parentElement as HTMLElement).backgroundColor;
    expect(contrast(style.outlineColor, page), `ring ${style.outlineColor} on ${page}`).to.be.at.least(3);
    const clip = target.parentElement?.closest('[part~="tile"]');
    if (clip && getComputedStyle(clip).overflow !== 'visible') {
      const reach = parseFloat(style.outlineOffset) + width;
      const ring = box(target);
      const outer = new DOMRect(
        ring.x - reach,
        ring.y - reach,
        ring.width + 2 * reach,
        ring.height + 2 * reach,
      );
      expectInside(outer, box(clip), 'the ring inside the tile that clips it');
    }
  }

  it('focus is visible on a button reached by keyboard', async () => {
    const { el } = await followIn(PHONE, { status: [{ json: { status: 'failed', error: 'no' } }] });
    await untilState(el, 'failed');
    const [retry] = parts(el, 'retry-button');
    await tabTo(el, retry);
    expectRing(el, retry);
  });

  it('focus is visible on a result tile reached by keyboard', async () => {
    const { el } = await followIn(PHONE, {
      status: [completed],
      results: [{ json: mynthResults(mockApiUrl, 2, { imageDelay: 8000 }) }],
    });
    await untilState(el, 'completed');
    const link = shadow(el).querySelector<HTMLElement>('.tile-link');
    expect(link, 'a tile link').to.not.equal(null);
    await tabTo(el, link as HTMLElement);
    expectRing(el, link as HTMLElement);
  });
});
