// The viewer (SPEC §6, "Viewer"; docs/behaviour.md, "Download and the viewer"): with `viewer`, an
// activated result opens full size in a modal dialog in the shadow root, after `task-image-click`
// unless that is prevented; previous / next and the arrow keys move through the results; Esc,
// Close and the backdrop close it; the focus moves into it and back to the tile; the page behind
// does not scroll; axe finds nothing with it open, on light and dark pages.
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { mynthResults } from '../mock/bodies.js';
import type { TaskAdapter, TaskImage, TaskProgress } from '../src/index.js';
import { completed, follow, mount, parts, pending, shadow, untilState } from './helpers/element.js';
import { createTask, mockApiUrl } from './helpers/mock-api.js';
import { until } from './helpers/until.js';

type Props = Parameters<typeof mount>[0];

/** An element with `viewer` showing `count` results of the mock (`failed` among them), in `parent`. */
async function results(count: number, failed: number[] = [], props: Props = {}, parent?: HTMLElement) {
  const body = mynthResults(mockApiUrl, count, { failed, size: 64 });
  const mounted = await follow(
    { status: [completed], results: [{ json: body }] },
    { viewer: true, ...props },
    parent,
  );
  await untilState(mounted.el, 'completed');
  return mounted;
}

const viewerOf = (el: TaskProgress) => shadow(el).querySelector<HTMLDialogElement>('[part="viewer"]');

/** The open viewer, once it opened. */
async function untilOpen(el: TaskProgress): Promise<HTMLDialogElement> {
  await until(() => viewerOf(el)?.open, 'the viewer opens');
  return viewerOf(el) as HTMLDialogElement;
}

/** What the viewer shows: its media's URL and alt text (or label), and its caption. */
function shown(el: TaskProgress) {
  const media = parts(el, 'viewer-media');
  expect(media, 'one medium in the viewer').to.have.length(1);
  const [medium] = media as [HTMLImageElement | HTMLVideoElement];
  const label = medium instanceof HTMLImageElement ? medium.alt : medium.getAttribute('aria-label');
  const caption = viewerOf(el)?.querySelector('.viewer-caption')?.textContent;
  expect(caption, 'the caption is the alt text').to.equal(label);
  return { src: medium.src, label, tag: medium.localName };
}

const urlOf = (el: TaskProgress, index: number) => {
  const image = el.images[index];
  return image.status === 'succeeded' ? image.url : '';
};

/** Resolves once the viewer has closed and is gone (the dialog's `close` event comes as a task). */
async function untilClosed(el: TaskProgress) {
  await until(() => viewerOf(el) === null, 'the viewer closes');
}

/** Clicks the link of tile `index` as a user does; resolves whether its default went ahead. */
function clickTile(el: TaskProgress, index: number): boolean {
  const link = parts(el, 'tile')[index].querySelector('a') as HTMLAnchorElement;
  return link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
}

const tileLink = (el: TaskProgress, index: number) =>
  parts(el, 'tile')[index].querySelector('a') as HTMLAnchorElement;

afterEach(async () => {
  await resetMouse();
});

describe('viewer', () => {
  it('opens a clicked result full size in a modal dialog, after task-image-click, and the focus moves into it', async () => {
    const { el, details } = await results(3);
    const opensInTab = clickTile(el, 1);
    expect(opensInTab, 'the link does not open a new tab').to.equal(false);
    const dialog = await untilOpen(el);
    expect(details('task-image-click').map((detail) => detail.index)).to.deep.equal([1]);
    expect(dialog.matches(':modal'), 'modal').to.equal(true);
    expect(shown(el)).to.deep.equal({ src: urlOf(el, 1), label: 'Generated image 2 of 3', tag: 'img' });
    expect(dialog.getAttribute('aria-labelledby')).to.equal('viewer-caption');
    const [close] = parts(el, 'viewer-close');
    expect(shadow(el).activeElement, 'the focus is on Close').to.equal(close);
    expect(parts(el, 'viewer-previous')[0].textContent).to.equal('Previous');
    expect(parts(el, 'viewer-next')[0].textContent).to.equal('Next');
  });

  it('opens by keyboard: Enter on a focused tile', async () => {
    const { el } = await results(2);
    tileLink(el, 0).focus();
    await sendKeys({ press: 'Enter' });
    await untilOpen(el);
    expect(shown(el).src).to.equal(urlOf(el, 0));
  });

  it('without `viewer`, a result opens in a new tab as before', async () => {
    const { el } = await results(2, [], { viewer: false });
    // The test stops the navigation itself, after the element had its say.
    const link = tileLink(el, 0);
    let wentAhead = false;
    link.addEventListener('click', (event) => {
      wentAhead = !event.defaultPrevented;
      event.preventDefault();
    });
    link.click();
    expect(wentAhead, 'the link opens').to.equal(true);
    expect(viewerOf(el)).to.equal(null);
  });

  it('the arrow keys and Previous / Next move through the succeeded results, round the ends', async () => {
    const { el } = await results(4, [1]);
    clickTile(el, 0);
    await untilOpen(el);
    const sequence = [shown(el).src];
    await sendKeys({ press: 'ArrowRight' });
    sequence.push(shown(el).src);
    await sendKeys({ press: 'ArrowRight' });
    sequence.push(shown(el).src);
    await sendKeys({ press: 'ArrowRight' });
    sequence.push(shown(el).src);
    await sendKeys({ press: 'ArrowLeft' });
    sequence.push(shown(el).src);
    parts(el, 'viewer-previous')[0].click();
    sequence.push(shown(el).src);
    parts(el, 'viewer-next')[0].click();
    sequence.push(shown(el).src);
    // Result 2 failed: it is skipped.
    expect(sequence).to.deep.equal([0, 2, 3, 0, 3, 2, 3].map((index) => urlOf(el, index)));
    expect(shown(el).label).to.equal('Generated image 4 of 4');
  });

  it('right to left, the left arrow goes on to the next result', async () => {
    const page = await fixture<HTMLDivElement>(html`<div dir="rtl"></div>`);
    const { el } = await results(3, [], {}, page);
    clickTile(el, 0);
    await untilOpen(el);
    await sendKeys({ press: 'ArrowLeft' });
    expect(shown(el).src).to.equal(urlOf(el, 1));
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(shown(el).src).to.equal(urlOf(el, 2));
  });

  it('Esc closes it, and the focus returns to the tile of the result shown', async () => {
    const { el } = await results(3);
    clickTile(el, 0);
    const dialog = await untilOpen(el);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(false);
    await untilClosed(el);
    expect(shadow(el).activeElement, 'the focus is on the tile of result 2').to.equal(tileLink(el, 1));
  });

  it('Close closes it, and the focus returns to the tile', async () => {
    const { el } = await results(2);
    clickTile(el, 1);
    const dialog = await untilOpen(el);
    parts(el, 'viewer-close')[0].click();
    expect(dialog.open).to.equal(false);
    await untilClosed(el);
    expect(shadow(el).activeElement).to.equal(tileLink(el, 1));
  });

  it('a click on the backdrop closes it; a click on the image does not', async () => {
    const { el } = await results(2);
    clickTile(el, 0);
    const dialog = await untilOpen(el);
    const media = parts(el, 'viewer-media')[0];
    await until(() => (media as HTMLImageElement).complete, 'the image loaded');
    const inside = media.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(inside.x + inside.width / 2), Math.round(inside.y + inside.height / 2)],
    });
    expect(dialog.open, 'open after a click on the image').to.equal(true);
    const frame = dialog.getBoundingClientRect();
    expect(frame.left, 'room for the backdrop on the left').to.be.greaterThan(4);
    await sendMouse({ type: 'click', position: [2, 2] });
    await untilClosed(el);
    expect(shadow(el).activeElement).to.equal(tileLink(el, 0));
  });

  it('a prevented task-image-click opens nothing', async () => {
    const { el } = await results(2);
    const prevent = (event: Event) => event.preventDefault();
    el.addEventListener('task-image-click', prevent);
    expect(clickTile(el, 0), 'no new tab either').to.equal(false);
    el.removeEventListener('task-image-click', prevent);
    // The viewer loads once for both clicks, in order: had the first opened one, it would be first.
    clickTile(el, 1);
    await untilOpen(el);
    expect(shadow(el).querySelectorAll('dialog'), 'one viewer').to.have.length(1);
    expect(shown(el).src).to.equal(urlOf(el, 1));
  });

  it('the page behind does not scroll while it is open', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><div style="height: 300vh"></div></div>`);
    const { el } = await results(2, [], {}, page);
    const before = getComputedStyle(document.documentElement).overflow;
    window.scrollTo(0, 0);
    clickTile(el, 0);
    await untilOpen(el);
    expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ press: 'End' });
    expect(window.scrollY, 'the page has not scrolled').to.equal(0);
    parts(el, 'viewer-close')[0].click();
    await untilClosed(el);
    expect(getComputedStyle(document.documentElement).overflow, 'scrolls again').to.equal(before);
  });

  it('goes with its element: removed while open, the page scrolls again', async () => {
    const { el } = await results(2);
    clickTile(el, 0);
    await untilOpen(el);
    expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
    el.remove();
    expect(getComputedStyle(document.documentElement).overflow).to.equal('visible');
    expect(viewerOf(el)).to.equal(null);
  });

  it('a new task-id while it is open closes it, and the page scrolls again', async () => {
    const { el } = await results(2);
    clickTile(el, 0);
    const dialog = await untilOpen(el);
    expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
    Object.assign(el, await createTask({ status: [pending] }));
    await el.updateComplete;
    expect(dialog.open, 'closed with the new task').to.equal(false);
    await untilClosed(el);
    expect(getComputedStyle(document.documentElement).overflow).to.equal('visible');
  });

  it('shows the current results once the element refreshed expired URLs', async () => {
    const body = mynthResults(mockApiUrl, 2, { size: 64 });
    const fresh = structuredClone(body);
    for (const image of fresh.images) if (image.url) image.url += '&fresh';
    const { el } = await follow(
      { status: [completed], results: [{ times: 1, json: body }, { json: fresh }] },
      { viewer: true },
    );
    await untilState(el, 'completed');
    clickTile(el, 0);
    await untilOpen(el);
    const before = shown(el).src;
    // The tile's image fails as an expired URL does: the element asks for the results again.
    parts(el, 'image')[0].dispatchEvent(new Event('error'));
    await until(() => urlOf(el, 0).endsWith('&fresh'), 'the fresh results');
    await el.updateComplete;
    expect(shown(el).src).to.not.equal(before);
    expect(shown(el).src).to.equal(urlOf(el, 0));
    parts(el, 'viewer-next')[0].click();
    expect(shown(el).src).to.equal(urlOf(el, 1));
    expect(urlOf(el, 1)).to.match(/&fresh$/);
  });

  it('shows a video with its controls, among the images', async () => {
    const image = (n: number): TaskImage => ({
      status: 'succeeded',
      id: `img_${n}`,
      kind: 'image',
      url: `${mockApiUrl}/__mock/images/${n}.svg?w=64`,
    });
    const video: TaskImage = {
      status: 'succeeded',
      id: 'vid_1',
      kind: 'video',
      url: `${mockApiUrl}/__mock/videos/clip.webm`,
      thumbnailUrl: `${mockApiUrl}/__mock/images/poster.svg?w=64`,
    };
    const adapter: TaskAdapter = {
      requiresToken: false,
      getStatus: () => Promise.resolve({ state: 'completed', status: 'done', images: [image(1), video] }),
    };
    const { el } = await mount({ taskId: 'mixed', adapter, viewer: true });
    await untilState(el, 'completed');
    clickTile(el, 0);
    await untilOpen(el);
    await sendKeys({ press: 'ArrowRight' });
    expect(shown(el)).to.deep.equal({ src: video.url, label: 'Generated video 2 of 2', tag: 'video' });
    const player = parts(el, 'viewer-media')[0] as HTMLVideoElement;
    expect(player.controls, 'controls').to.equal(true);
    expect(player.poster).to.equal(video.thumbnailUrl);
  });

  for (const scheme of ['light', 'dark']) {
    it(`has no axe violation while open, on a ${scheme} page`, async () => {
      const page = await fixture<HTMLDivElement>(
        scheme === 'dark'
          ? html`<div style="color-scheme: dark; background: #111; color: #eee"></div>`
          : html`<div style="background: #fff; color: #111"></div>`,
      );
      const { el } = await results(3, [2], {}, page);
      clickTile(el, 0);
      await untilOpen(el);
      await expect(el).to.be.accessible();
    });
  }
});
