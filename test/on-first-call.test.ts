// An adapter whose methods are a module loaded on first call (the gateway dialect's, `gateway.js`
// beside the element): what a page sees of it before the module arrives, one load for every
// method, a load that failed asked for again, the synchronous subscription, and an element whose
// dialect cannot be loaded at all.
import { expect } from '@open-wc/testing';
import { mindproxyAdapter } from '../src/adapters/mindproxy.js';
import { type Methods, loadedOnFirstCall } from '../src/adapters/on-first-call.js';
import { TaskApiError } from '../src/errors.js';
import type { AdapterContext, SubscribeContext, TaskAdapter, TaskSnapshot } from '../src/types.js';
import { mount, untilState } from './helpers/element.js';

const pendingSnapshot: TaskSnapshot = { state: 'pending', status: 'queued' };

const context = (): AdapterContext => ({
  taskId: 't1',
  token: undefined,
  baseUrl: 'https://api.example',
  signal: new AbortController().signal,
});

/** A subscription's context; `failed` resolves what `fail` was told. */
function subscribeContext(streamUrl: string | undefined) {
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<unknown>((resolve) => (fail = resolve));
  const ctx: SubscribeContext = {
    ...context(),
    streamUrl,
    lastEventId: undefined,
    alive: () => {},
    fail: (error) => fail(error),
  };
  return { ctx, failed };
}

/** An adapter loaded on first call from `module`, or failing to load with `failures` first. */
function counted(failures: Error[] = []) {
  const calls: string[] = [];
  let loads = 0;
  const module: Methods<'getStatus' | 'cancel' | 'subscribe'> = {
    getStatus: (ctx) => {
      calls.push(`getStatus ${ctx.taskId}`);
      return Promise.resolve(pendingSnapshot);
    },
    cancel: (ctx, reason) => {
      calls.push(`cancel ${ctx.taskId} ${reason}`);
      return Promise.resolve();
    },
    subscribe: (ctx, emit) => {
      calls.push(`subscribe ${ctx.streamUrl ?? ''}`);
      emit(pendingSnapshot);
      return () => {};
    },
  };
  const adapter = loadedOnFirstCall(
    { defaultBaseUrl: 'https://api.example', requiresToken: false },
    ['getStatus', 'cancel', 'subscribe'],
    () => {
      loads++;
      const failure = failures.shift();
      return failure === undefined ? Promise.resolve(module) : Promise.reject(failure);
    },
  );
  return { adapter: adapter as Required<TaskAdapter>, calls, loads: () => loads };
}

describe('an adapter loaded on first call', () => {
  it('is the gateway dialect as a page sees it before its module arrives', () => {
    expect(mindproxyAdapter.defaultBaseUrl).to.equal('https://gateway.mindproxy.ai');
    expect(mindproxyAdapter.requiresToken).to.equal(false);
    const methods = Object.entries(mindproxyAdapter).filter(([, value]) => typeof value === 'function');
    expect(methods.map(([name]) => name).sort()).to.deep.equal([
      'cancel',
      'getEvents',
      'getStatus',
      'subscribe',
    ]);
    const { ctx } = subscribeContext(undefined);
    expect(mindproxyAdapter.subscribe?.(ctx, () => {})).to.equal(undefined);
  });

  it('loads its module once for every method, also through a spread copy', async () => {
    const { adapter, calls, loads } = counted();
    expect(loads()).to.equal(0);
    const spread: Required<TaskAdapter> = { ...adapter, getResults: () => Promise.resolve([]) };
    const [status] = await Promise.all([adapter.getStatus(context()), spread.cancel(context(), 'user')]);
    expect(status).to.deep.equal(pendingSnapshot);
    expect(await spread.getStatus(context())).to.deep.equal(pendingSnapshot);
    expect(calls).to.deep.equal(['getStatus t1', 'cancel t1 user', 'getStatus t1']);
    expect(loads()).to.equal(1);
  });

  it('fails a call as its own failure when the module does not load, and loads it again on the next call', async () => {
    const { adapter, calls, loads } = counted([new TypeError('Failed to fetch dynamically imported module')]);
    const failure = await adapter.getStatus(context()).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).to.be.instanceOf(TaskApiError);
    expect(failure).to.include({
      code: 'internal',
      message: 'Failed to fetch dynamically imported module',
    });
    expect(await adapter.getStatus(context())).to.deep.equal(pendingSnapshot);
    expect(calls).to.deep.equal(['getStatus t1']);
    expect(loads()).to.equal(2);
  });

  it('subscribes at once: none without a stream URL, else an end, and the module’s subscription once loaded', async () => {
    const { adapter, calls, loads } = counted();
    expect(adapter.subscribe(subscribeContext(undefined).ctx, () => {})).to.equal(undefined);
    expect(loads()).to.equal(0);
    const emitted = new Promise<TaskSnapshot>((resolve) => {
      const end = adapter.subscribe(subscribeContext('https://api.example/stream').ctx, resolve);
      expect(end).to.be.a('function');
    });
    expect(await emitted).to.deep.equal(pendingSnapshot);
    expect(calls).to.deep.equal(['subscribe https://api.example/stream']);
    expect(loads()).to.equal(1);
  });

  it('tells a subscription that its module did not load through ctx.fail', async () => {
    const missing = new TypeError('Importing a module script failed.');
    const { adapter, calls } = counted([missing]);
    const { ctx, failed } = subscribeContext('https://api.example/stream');
    expect(adapter.subscribe(ctx, () => {})).to.be.a('function');
    expect(await failed).to.equal(missing);
    expect(calls).to.deep.equal([]);
  });

  it('ends an element in error when its module cannot be loaded from beside it', async () => {
    // A real `import()` of a module the server does not have.
    const missing = new URL('./no-such-dialect.js', import.meta.url).href;
    const adapter = loadedOnFirstCall(
      { requiresToken: false },
      ['getStatus'],
      () => import(/* @vite-ignore */ missing) as Promise<Methods<'getStatus'>>,
    );
    const { el, events } = await mount({ adapter, taskId: 'unloadable' });
    await untilState(el, 'error');
    expect(el.error?.code).to.equal('internal');
    expect(events.map((event) => event.type)).to.deep.equal([
      'task-state-change',
      'task-error',
      'task-state-change',
    ]);
    expect(events.map((event) => event.detail as unknown)).to.deep.include.members([
      { taskId: 'unloadable', error: el.error, willRetry: false },
    ]);
  });
});
