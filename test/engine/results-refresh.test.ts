// Expiring result URLs on the fake clock (docs/behaviour.md, "Expiring result URLs"): the results
// are asked for again at most once a minute per task, from the results request or from the status
// that carries them.
import { expect } from '@open-wc/testing';
import { RESULTS_REFRESH_INTERVAL } from '../../src/engine/index.js';
import { deferred, ended, image, networkFailure, pending } from '../helpers/answers.js';
import { follow } from '../helpers/follow.js';

const urls = (images: readonly { status: string; url?: string }[] | undefined) =>
  (images ?? []).map((each) => each.url);

describe('engine: expiring result URLs', () => {
  it('asks for the results again, then not within a minute, then again', async () => {
    const first = [image('a1'), image('b1')];
    const { env, api, sub } = follow({
      status: [ended('completed')],
      results: [first, [image('a2'), image('b2')], [image('a3'), image('b3')]],
    });
    await env.advance(0);
    expect(urls(sub.last.images)).to.deep.equal(urls(first));
    const seen = sub.seen.length;

    await sub.subscription.refreshResults();
    expect(api.times('results')).to.deep.equal([0, 0]);
    expect(urls(sub.last.images)).to.deep.equal(urls([image('a2'), image('b2')]));
    expect(sub.seen.length).to.equal(seen + 1);
    expect(sub.last.state).to.equal('completed');

    await env.advance(RESULTS_REFRESH_INTERVAL - 1);
    await sub.subscription.refreshResults();
    expect(api.times('results')).to.deep.equal([0, 0]);

    await env.advance(1);
    await sub.subscription.refreshResults();
    expect(api.times('results')).to.deep.equal([0, 0, RESULTS_REFRESH_INTERVAL]);
    expect(urls(sub.last.images)).to.deep.equal(urls([image('a3'), image('b3')]));
    expect(api.times('status')).to.deep.equal([0]);
  });

  it('asks once for failures that come together, and all of them wait for it', async () => {
    const answer = deferred<ReturnType<typeof image>[]>();
    const { env, api, sub } = follow({
      status: [ended('completed')],
      results: [[image('a1')], answer.promise],
    });
    await env.advance(0);
    let settled = 0;
    for (let i = 0; i < 3; i++) void sub.subscription.refreshResults().then(() => settled++);
    await env.flush();
    expect(api.times('results')).to.deep.equal([0, 0]);
    expect(settled).to.equal(0);
    answer.resolve([image('a2')]);
    await env.flush();
    expect(settled).to.equal(3);
    expect(urls(sub.last.images)).to.deep.equal(urls([image('a2')]));
  });

  it('asks the status again when the status carried the results', async () => {
    const { env, api, sub } = follow({
      status: [pending(), ended('completed', [image('a1')]), ended('completed', [image('a2')])],
    });
    await env.advance(100);
    expect(urls(sub.last.images)).to.deep.equal(urls([image('a1')]));
    await sub.subscription.refreshResults();
    expect(api.times('status')).to.deep.equal([0, 100, 100]);
    expect(urls(sub.last.images)).to.deep.equal(urls([image('a2')]));
  });

  it('keeps the results when the refresh fails, and still waits a minute', async () => {
    const { env, api, sub } = follow({
      status: [ended('completed')],
      results: [[image('a1')], networkFailure(), [image('a3')]],
    });
    await env.advance(0);
    await sub.subscription.refreshResults();
    expect(api.times('results')).to.deep.equal([0, 0]);
    expect(sub.last.state).to.equal('completed');
    expect(sub.last.requestFailure).to.equal(undefined);
    expect(urls(sub.last.images)).to.deep.equal(urls([image('a1')]));
    await env.advance(RESULTS_REFRESH_INTERVAL - 1);
    await sub.subscription.refreshResults();
    expect(api.times('results')).to.deep.equal([0, 0]);
  });

  it('asks nothing while the task is pending', async () => {
    const { env, api, sub } = follow({ status: [pending()], results: [[image('a1')]] });
    await env.advance(0);
    await sub.subscription.refreshResults();
    expect(api.of('results')).to.deep.equal([]);
    expect(api.times('status')).to.deep.equal([0]);
  });

  it('aborts a refresh in flight once nobody follows the task', async () => {
    const { env, api, sub } = follow({
      status: [ended('completed')],
      results: [[image('a1')], new Promise(() => {})],
    });
    await env.advance(0);
    void sub.subscription.refreshResults();
    await env.flush();
    const [, refresh] = api.of('results');
    expect(refresh.signal.aborted).to.equal(false);
    sub.unsubscribe();
    expect(refresh.signal.aborted).to.equal(true);
  });
});
