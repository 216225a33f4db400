// Download (SPEC §6, "Download"; docs/behaviour.md, "Download and the viewer"): with
// `downloadable`, a Download button per succeeded result fires `task-download` and, unless that is
// prevented, fetches the file without credentials or token and saves it through a link with
// `download`; where the host refuses the page, the URL opens in a new tab. The links the element
// clicks are recorded instead of followed (a test page must not save files or open tabs); what the
// fetch sent is read from the mock's log of the task.
import { expect } from '@open-wc/testing';
import { mynthResults } from '../mock/bodies.js';
import type { LoggedRequest } from '../mock/types.js';
import type { SucceededImage, TaskProgress } from '../src/index.js';
import { completed, follow, parts, untilState } from './helpers/element.js';
import { mockApiUrl, requestsOf } from './helpers/mock-api.js';
import { fakeClock, realClock } from './helpers/fake-clock.js';
import { until } from './helpers/until.js';

interface Followed {
  href: string;
  download: string;
  target: string;
  rel: string;
}

let followed: Followed[] = [];
const realClick = HTMLAnchorElement.prototype.click;

beforeEach(() => {
  followed = [];
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    followed.push({ href: this.href, download: this.download, target: this.target, rel: this.rel });
  };
});

afterEach(() => {
  HTMLAnchorElement.prototype.click = realClick;
  realClock();
});

/**
 * An element with `downloadable` showing the mock's results, whose URLs `url` may rewrite (given
 * the task's id, which the mock then logs their requests under).
 */
async function results(
  count: number,
  {
    failed = [],
    url = (u) => u,
    loaded = true,
  }: {
    failed?: number[];
    url?: (url: string, taskId: string) => string;
    /** Whether to wait for the tiles' images to load. */
    loaded?: boolean;
  } = {},
) {
  const taskId = `dl_${Math.random().toString(36).slice(2)}`;
  const body = mynthResults(mockApiUrl, count, { failed, size: 64 });
  for (const image of body.images) if (image.url) image.url = url(`${image.url}&task=${taskId}`, taskId);
  const mounted = await follow(
    { taskId, status: [completed], results: [{ json: body }] },
    { downloadable: true },
  );
  await untilState(mounted.el, 'completed');
  // The tiles load their images first, so that each request the mock logs later is a download's.
  const images = parts(mounted.el, 'image') as HTMLImageElement[];
  if (loaded) await until(() => images.every((image) => image.complete), 'the tiles loaded');
  return mounted;
}

/** Waits until the element opened its first result's URL, and checks it opened only that, in a new tab. */
async function untilOpenedInNewTab(el: TaskProgress) {
  await until(() => followed.length > 0, 'the URL is opened');
  const image = el.images[0];
  expect(followed).to.deep.equal([
    {
      href: image.status === 'succeeded' ? image.url : '',
      download: '',
      target: '_blank',
      rel: 'noopener noreferrer',
    },
  ]);
}

const buttons = (el: TaskProgress) => parts(el, 'download-button') as HTMLButtonElement[];
const mediaRequests = async (taskId: string) =>
  (await requestsOf(taskId)).filter((request: LoggedRequest) => request.url.startsWith('/__mock/'));

describe('download', () => {
  it('a Download button per succeeded result, named "Download image 2 of 4"', async () => {
    const { el } = await results(4, { failed: [2] });
    expect(buttons(el).map((button) => button.textContent.trim())).to.deep.equal([
      'Download image 1 of 4',
      'Download image 2 of 4',
      'Download image 4 of 4',
    ]);
    for (const button of buttons(el)) expect(button.type).to.equal('button');
    el.downloadable = false;
    await el.updateComplete;
    expect(buttons(el), 'none without downloadable').to.have.length(0);
  });

  it('fires task-download, cancelable, with the task id, the result and its index', async () => {
    const { el, taskId, events } = await results(3);
    buttons(el)[1].click();
    const fired = events.filter((event) => event.type === 'task-download');
    expect(fired).to.have.length(1);
    expect(fired[0].cancelable).to.equal(true);
    expect(fired[0].detail).to.deep.equal({ taskId, image: el.images[1], index: 1 });
    expect(JSON.stringify(fired[0].detail)).to.not.contain('pat_');
    // Not prevented, the file is saved (and no later test sees this save).
    await until(() => followed.length > 0, 'the file is saved');
    expect(followed.map((link) => link.download)).to.deep.equal(['2.svg']);
  });

  it('prevented, it fetches and saves nothing', async () => {
    const { el, taskId } = await results(2);
    const before = (await mediaRequests(taskId)).length;
    const prevent = (event: Event) => event.preventDefault();
    el.addEventListener('task-download', prevent);
    buttons(el)[0].click();
    el.removeEventListener('task-download', prevent);
    // The downloads are made in the order asked: had the first gone ahead, it would be first.
    buttons(el)[1].click();
    await until(() => followed.length > 0, 'the second is saved');
    expect(followed.map((link) => link.download)).to.deep.equal(['2.svg']);
    const sent = (await mediaRequests(taskId)).slice(before);
    expect(sent.map((request) => request.url.split('?')[0])).to.deep.equal(['/__mock/images/2.svg']);
  });

  it('saves the file under the name in its URL, fetched without the token', async () => {
    const { el, taskId, publicAccessToken } = await results(2);
    expect(publicAccessToken, 'the element has a token').to.match(/^pat_/);
    const before = (await mediaRequests(taskId)).length;
    buttons(el)[0].click();
    await until(() => followed.length > 0, 'the file is saved');
    expect(followed).to.have.length(1);
    const [link] = followed;
    expect(link.download).to.equal('1.svg');
    expect(link.href).to.match(/^blob:/);
    expect(link.target, 'not a new tab').to.equal('');
    expect(await (await fetch(link.href)).text(), 'the file').to.contain('<svg');
    const sent = (await mediaRequests(taskId)).slice(before);
    expect(sent.map((request) => request.url)).to.deep.equal([
      `/__mock/images/1.svg?w=64&delay=0&task=${taskId}`,
    ]);
    expect(sent[0].authorization, 'no token on the wire').to.equal(null);
  });

  it('sends no cookie, even to the page’s own origin', async () => {
    document.cookie = 'session=abc; path=/';
    try {
      // Through the test server's own origin, which passes the cookies it gets on to the mock (and
      // has a path without a file name, which the test server would tell the browser to cache).
      const { el, taskId } = await results(1, {
        url: (url) => url.replace(mockApiUrl, `${location.origin}/same-origin`).replace('/1.svg?', '/1?'),
      });
      const before = (await mediaRequests(taskId)).length;
      buttons(el)[0].click();
      await until(() => followed.length > 0, 'the file is saved');
      const sent = (await mediaRequests(taskId)).slice(before);
      expect(sent).to.have.length(1);
      expect(sent[0].cookie, 'no cookie').to.equal(null);
      expect(followed[0].download).to.equal(`${taskId}-1.svg`);
    } finally {
      document.cookie = 'session=; path=/; max-age=0';
    }
  });

  it('names a file whose URL has no file name after the task and its content type', async () => {
    const { el, taskId } = await results(2, { url: (url) => url.replace(/\/(\d)\.svg\?/, '/$1?') });
    buttons(el)[1].click();
    await until(() => followed.length > 0, 'the file is saved');
    expect(followed.map((link) => link.download)).to.deep.equal([`${taskId}-2.svg`]);
  });

  it('where the host refuses the page (CORS), opens the URL in a new tab with noopener noreferrer', async () => {
    const { el, taskId } = await results(1, { url: (url) => `${url}&no-cors` });
    const before = (await mediaRequests(taskId)).length;
    buttons(el)[0].click();
    await untilOpenedInNewTab(el);
    const sent = (await mediaRequests(taskId)).slice(before);
    expect(sent, 'the fetch was tried').to.have.length(1);
    expect(sent[0].authorization, 'no token on the wire').to.equal(null);
  });

  it('a host that never answers: after the request timeout, the URL opens in a new tab', async () => {
    const env = fakeClock();
    // The file takes a minute to come; the request timeout (max-poll-interval 200 ms) is 10 s.
    const { el } = await results(1, {
      url: (url) => url.replace('delay=0', 'delay=60000'),
      loaded: false,
    });
    // The download's fetch, once it began (a browser may hold it back behind the tile's own
    // request of the same URL, which never reaches the host either).
    const { fetch } = window;
    let fetched = false;
    window.fetch = (input, init) => {
      fetched ||= input === (el.images[0] as SucceededImage).url;
      return fetch(input, init);
    };
    try {
      buttons(el)[0].click();
      await until(() => fetched, 'the download began');
    } finally {
      window.fetch = fetch;
    }
    await env.advance(10_000);
    await untilOpenedInNewTab(el);
  });

  it('a double click saves the file once; once saved, a click saves it again', async () => {
    const { el, taskId, events } = await results(2);
    const downloads = () => events.filter((event) => event.type === 'task-download');
    const before = (await mediaRequests(taskId)).length;
    const [button] = buttons(el);
    button.click();
    button.click();
    expect(downloads(), 'one task-download').to.have.length(1);
    await until(() => followed.length > 0, 'the file is saved');
    button.click();
    await until(() => followed.length > 1, 'the file is saved again');
    expect(downloads()).to.have.length(2);
    expect(followed.map((link) => link.download)).to.deep.equal(['1.svg', '1.svg']);
    expect(await mediaRequests(taskId)).to.have.length(before + 2);
  });
});
