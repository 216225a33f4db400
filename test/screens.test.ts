// The layout on a phone (SPEC §6, "Phones"), measured from what the browser rendered: tile boxes in
// a 320 px element (a 390 px phone less the page's margins).
import { expect, fixture, html } from '@open-wc/testing';
import { mindproxyTask, mynthResults } from '../mock/bodies.js';
import type { Scenario } from '../mock/types.js';
import type { TaskProgress } from '../src/index.js';
import { createTask, mockApiUrl } from './helpers/mock-api.js';
import { completed, mount, parts, pending, untilState } from './helpers/element.js';
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
      // Neither the video nor the images arrive within a test: the boxes are the reserved ones.
      const held = (name: string) => `${mockApiUrl}/__mock/images/${name}.svg?w=64&delay=8000`;
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
    });
  }
});
