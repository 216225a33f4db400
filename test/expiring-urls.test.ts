// Result URLs that expire (docs/behaviour.md, "Expiring result URLs"), in a real browser against the
// mock: a result image that fails to load makes the element ask for the results once more and show
// the fresh URLs; what still fails shows as a failed tile, the other tiles untouched.
import { aTimeout, expect } from '@open-wc/testing';
import { mindproxyTask, mynthResults } from '../mock/bodies.js';
import type { TaskProgress } from '../src/index.js';
import { createTask, mockApiUrl, requestsOf } from './helpers/mock-api.js';
import { completed, follow, mount, parts, pending, untilState } from './helpers/element.js';
import { until } from './helpers/until.js';

/** Mynth results whose image URLs at `indexes` have expired (and take `delay` ms to say so). */
function expired(indexes: number[], delay = 0) {
  const body = mynthResults(mockApiUrl, 2);
  for (const image of indexes.map((index) => body.images[index]))
    if (image.url) image.url = image.url.replace(/delay=\d+/, `delay=${delay}&expired`);
  return { json: body };
}

const resultsRequests = async (taskId: string) =>
  (await requestsOf(taskId)).filter((request) => request.url.endsWith('/results'));

/** Waits until the element shows `count` images, every one of them loaded. */
async function untilLoaded(el: TaskProgress, count: number) {
  await until(() => {
    const images = parts(el, 'image') as HTMLImageElement[];
    return images.length === count && images.every((image) => image.complete && image.naturalWidth > 0);
  }, `expected ${count} loaded images`);
}

const failedText = (el: TaskProgress) => parts(el, 'image-failed').map((tile) => tile.textContent.trim());

describe('expiring result URLs', () => {
  it('shows the fresh images after exactly one more results request', async () => {
    const { el, taskId, details } = await follow({
      status: [{ times: 1, ...pending }, completed],
      results: [{ times: 1, ...expired([0, 1]) }, expired([])],
    });
    await untilState(el, 'completed');
    await untilLoaded(el, 2);
    expect((await resultsRequests(taskId)).length).to.equal(2);
    expect(parts(el, 'image-failed')).to.deep.equal([]);
    expect(
      el.images.map((image) => image.status === 'succeeded' && image.url.includes('expired')),
    ).to.deep.equal([false, false]);
    expect(details('task-complete').length, 'told once').to.equal(1);
  });

  for (const [name, away] of [
    ['moved to another parent', 0],
    ['removed and put back 150 ms later', 150],
  ] as const) {
    it(`${name} once completed, still refreshes expired URLs, and fetches nothing on reconnect`, async () => {
      // The expired images say so only after the move.
      const { el, taskId } = await follow({
        status: [{ times: 1, ...pending }, completed],
        results: [{ times: 1, ...expired([0, 1], 600) }, expired([])],
      });
      await untilState(el, 'completed');
      const before = (await requestsOf(taskId)).length;
      const other = document.createElement('div');
      el.parentElement?.after(other);
      if (away) {
        el.remove();
        await aTimeout(away);
      }
      other.append(el);
      await untilLoaded(el, 2);
      const log = await requestsOf(taskId);
      expect(log.length - before, 'only the results, once more').to.equal(1);
      expect((await resultsRequests(taskId)).length).to.equal(2);
      expect(parts(el, 'image-failed')).to.deep.equal([]);
      other.remove();
    });
  }

  it('shows a failed tile for an image that still fails, and leaves the others as they are', async () => {
    // The expired image says so only after the other one loaded.
    const { el, taskId } = await follow({ status: [completed], results: [expired([0], 500)] });
    await untilState(el, 'completed');
    await until(
      () => (parts(el, 'image')[1] as HTMLImageElement | undefined)?.complete,
      'the second image loaded',
    );
    const second = parts(el, 'image')[1];
    await until(() => parts(el, 'image-failed').length === 1, 'the first tile failed');
    await untilLoaded(el, 1);
    expect(parts(el, 'image')[0], 'the same image element').to.equal(second);
    expect(failedText(el)[0]).to.equal('Image 1 of 2 could not be loaded');
    expect(parts(el, 'tile')[0]).to.equal(parts(el, 'image-failed')[0]);
    expect((await resultsRequests(taskId)).length, 'one refresh within the minute').to.equal(2);
  });

  it('asks the gateway for the status again, whose assets carry the fresh URLs', async () => {
    const taskId = `gw_${Math.random().toString(36).slice(2)}`;
    const assets = (suffix: string) =>
      [1, 2].map((n) => ({ image_url: `${mockApiUrl}/__mock/images/${n}.svg?w=64${suffix}` }));
    await createTask({
      provider: 'mindproxy',
      taskId,
      token: null,
      status: [
        { times: 1, json: mindproxyTask(taskId, { status: 3 }) },
        { times: 1, json: mindproxyTask(taskId, { status: 4, assets: assets('&expired') }) },
        { json: mindproxyTask(taskId, { status: 4, assets: assets('') }) },
      ],
    });
    const { el } = await mount({ provider: 'mindproxy', taskId });
    await untilState(el, 'completed');
    await untilLoaded(el, 2);
    expect((await requestsOf(taskId)).length, 'pending, completed, and one more').to.equal(3);
    expect(parts(el, 'image-failed')).to.deep.equal([]);
  });

  it('shows a video that will not load, even from a fresh status, as a failed tile', async () => {
    const taskId = `gw_${Math.random().toString(36).slice(2)}`;
    const assets = { video_url: `${mockApiUrl}/__mock/images/clip.svg?expired`, width: 64, height: 36 };
    await createTask({
      provider: 'mindproxy',
      taskId,
      token: null,
      status: [{ json: mindproxyTask(taskId, { status: 4, taskType: 2, assets }) }],
    });
    const { el } = await mount({ provider: 'mindproxy', taskId });
    await untilState(el, 'completed');
    await until(() => parts(el, 'image-failed').length === 1, 'the video failed');
    expect(parts(el, 'video')).to.deep.equal([]);
    expect(failedText(el)[0]).to.equal('The video could not be loaded');
    expect((await requestsOf(taskId)).length, 'the status, and once more').to.equal(2);
  });
});
