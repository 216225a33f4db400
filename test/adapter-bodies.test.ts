// The built-in adapters over every body the documents allow, and over garbage (docs/behaviour.md,
// Providers): property-based, from the documented bodies (mock/fixtures/). A field the element only
// shows or passes on never fails a body, whatever JSON it holds or when it is absent; a wrong value
// of a field it needs is `invalid-response`, never a crash (`internal`).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { documented, gateway, mynthReference, mynthTutorial } from '../mock/fixtures/index.js';
import { mindproxyAdapter } from '../src/adapters/mindproxy.js';
import { decimal, mynthAdapter } from '../src/adapters/mynth.js';
import { TaskApiError } from '../src/errors.js';
import type { AdapterContext, TaskAdapter, TaskImage } from '../src/types.js';

const ORIGIN = 'https://api.example.test';
type Body = Record<string, unknown>;
type SucceededImage = Extract<TaskImage, { status: 'succeeded' }>;

// Both built-in adapters have every method.
const mynth = mynthAdapter as Required<TaskAdapter>;
const gatewayApi = mindproxyAdapter as Required<TaskAdapter>;

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** Every request answers `body`: JSON unless it is a string, which is sent as it is. */
function answerWith(body: unknown) {
  globalThis.fetch = () =>
    Promise.resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body)));
}

const context = (): AdapterContext => ({
  taskId: 'tsk_1',
  token: 'pat_1',
  baseUrl: ORIGIN,
  signal: new AbortController().signal,
});

/** What the adapter call gave: its value, or the code of the `TaskApiError` it threw. */
async function outcome<T>(call: () => Promise<T>): Promise<{ value: T } | { code: string }> {
  try {
    return { value: await call() };
  } catch (error) {
    if (!(error instanceof TaskApiError)) throw error;
    return { code: error.code };
  }
}

/** `object` with `key` set to `value`, or without it when `value` is `absent`. */
function withField(object: Body, key: string, value: unknown): Body {
  const { [key]: _, ...rest } = object;
  return value === absent ? rest : { ...rest, [key]: value };
}

const absent = Symbol('absent');
/** Any JSON value, or no value at all. */
const anyValue = fc.oneof(fc.constant(absent), fc.jsonValue());
/** Any JSON value but those `allowed` accepts, or no value. */
const anyValueBut = (allowed: (value: unknown) => boolean) =>
  fc.oneof(
    fc.constant(absent),
    fc.jsonValue().filter((value) => !allowed(value)),
  );

/** The documented body flat, as printed, or wrapped in `{ data: … }`: Mynth sends both. */
const mynthForm = fc.constantFrom(
  (body: Body) => body,
  (body: Body) => ({ data: body }),
);

const documentedImage = () => (documented(mynthReference.results, ORIGIN) as { images: Body[] }).images[0];

describe('Mynth bodies as documented', () => {
  it('keep cost as the decimal string the API wrote', async () => {
    answerWith(documented(mynthReference.results, ORIGIN));
    const [image] = await mynth.getResults(context());
    expect(image).to.deep.equal({
      status: 'succeeded',
      id: 'img_123',
      url: `${ORIGIN}/__mock/images/documented`,
      kind: 'image',
      width: 1024,
      height: 1024,
      cost: '0.01250000',
    });
  });

  it('read each status the tutorial types', async () => {
    for (const [status, text] of Object.entries(mynthTutorial.statuses)) {
      answerWith(text);
      const snapshot = await mynth.getStatus(context());
      expect(snapshot.status).to.equal(status);
    }
  });

  it('read the full task shape’s images as results', async () => {
    const { result } = documented(mynthReference.task, ORIGIN) as { result: { images: Body[] } };
    answerWith({ images: result.images });
    const [image] = await mynth.getResults(context());
    expect(image).to.include({ cost: '0.01250000', width: 1536, height: 1024 });
  });

  for (const field of ['id', 'cost', 'size', 'mynth_url']) {
    it(`complete with the image whatever ${field} holds, flat or in data`, async () => {
      await fc.assert(
        fc.asyncProperty(anyValue, mynthForm, async (value, form) => {
          answerWith(form({ images: [withField(documentedImage(), field, value)] }));
          const [image] = await mynth.getResults(context());
          expect(image).to.include({ status: 'succeeded', url: `${ORIGIN}/__mock/images/documented` });
          const { cost, id } = image as SucceededImage;
          const text = typeof value === 'string' || typeof value === 'number' ? value : undefined;
          if (field === 'cost') expect(cost).to.equal(text === undefined ? undefined : decimal(text));
          if (field === 'id') expect(id).to.equal(text === undefined ? '0' : String(text));
        }),
      );
    });
  }

  it('keep a failed image whatever its error holds', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, mynthForm, async (value, form) => {
        answerWith(form({ images: [withField({ status: 'failed' }, 'error', value)] }));
        const [image] = await mynth.getResults(context());
        expect(image.status).to.equal('failed');
        // The API's reason as it wrote it, or none: the element's own label says it failed.
        const { error } = image as Extract<TaskImage, { status: 'failed' }>;
        expect(error).to.be.a('string');
        if (typeof value === 'string') expect(error).to.equal(value);
      }),
    );
  });

  it('follow a status whatever its error holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyValue,
        mynthForm,
        fc.constantFrom('pending', 'completed', 'failed'),
        async (value, form, status) => {
          answerWith(form(withField({ status }, 'error', value)));
          const snapshot = await mynth.getStatus(context());
          expect(snapshot.status).to.equal(status);
          // A failed task's reason as the API wrote it, or none.
          const reason = typeof value === 'string' ? value : '';
          if (status === 'failed')
            expect(snapshot.error).to.deep.equal({ code: 'task-failed', message: reason });
        },
      ),
    );
  });

  it('are invalid-response when a status is not one of the three', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyValueBut((v) => ['pending', 'completed', 'failed'].includes(v as string)),
        mynthForm,
        async (value, form) => {
          answerWith(form(withField({}, 'status', value)));
          expect(await outcome(() => mynth.getStatus(context()))).to.deep.equal({
            code: 'invalid-response',
          });
        },
      ),
    );
  });

  it('are invalid-response when an image’s status is not succeeded, success or failed', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyValueBut((v) => ['succeeded', 'success', 'failed'].includes(v as string)),
        mynthForm,
        async (value, form) => {
          answerWith(form({ images: [withField(documentedImage(), 'status', value)] }));
          expect(await outcome(() => mynth.getResults(context()))).to.deep.equal({
            code: 'invalid-response',
          });
        },
      ),
    );
  });

  it('are invalid-response when a succeeded image has no URL of text', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyValueBut((v) => typeof v === 'string' && v !== ''),
        mynthForm,
        async (value, form) => {
          answerWith(form({ images: [withField(documentedImage(), 'url', value)] }));
          expect(await outcome(() => mynth.getResults(context()))).to.deep.equal({
            code: 'invalid-response',
          });
        },
      ),
    );
  });
});

/** The documented task, parsed, with its `result_assets_json` as given. */
const gatewayTask = () => documented(gateway.task, ORIGIN) as Body;
const documentedAssets = () => JSON.parse(gatewayTask().result_assets_json as string) as Body;

describe('Gateway bodies as documented', () => {
  it('complete with the documented asset', async () => {
    answerWith(gatewayTask());
    const snapshot = await gatewayApi.getStatus(context());
    expect(snapshot).to.deep.include({ state: 'completed', status: 4 });
    expect(snapshot.images).to.deep.equal([
      {
        status: 'succeeded',
        id: '0',
        seed: 12345,
        kind: 'image',
        url: `${ORIGIN}/__mock/images/documented/image.png`,
      },
    ]);
  });

  it('follow the create answer, which has neither created_at nor task_type, as created', async () => {
    answerWith(gateway.created);
    expect(await gatewayApi.getStatus(context())).to.deep.equal({
      state: 'pending',
      status: 1,
      phase: 'created',
    });
  });

  it('pass the documented events on', async () => {
    answerWith(gateway.events);
    expect(await gatewayApi.getEvents(context(), 0)).to.deep.equal([
      {
        task_event_id: 'event-...',
        event_type: 'created',
        status: 1,
        message: 'task created',
        created_at: '2026-06-22T10:00:00Z',
      },
    ]);
  });

  const taskFields = [
    'task_id',
    'task_type',
    'public_model',
    'created_at',
    'completed_at',
    'error_code',
    'error_message',
  ];
  for (const field of taskFields) {
    it(`complete with the asset whatever ${field} holds`, async () => {
      await fc.assert(
        fc.asyncProperty(anyValue, async (value) => {
          answerWith(withField(gatewayTask(), field, value));
          const snapshot = await gatewayApi.getStatus(context());
          expect(snapshot.state).to.equal('completed');
          expect(snapshot.images).to.have.length(1);
        }),
      );
    });
  }

  for (const field of ['error_code', 'error_message']) {
    it(`fail with a message of text whatever ${field} holds`, async () => {
      await fc.assert(
        fc.asyncProperty(anyValue, async (value) => {
          answerWith(withField({ ...gatewayTask(), status: 5 }, field, value));
          const snapshot = await gatewayApi.getStatus(context());
          expect(snapshot.state).to.equal('failed');
          expect(snapshot.error?.message).to.be.a('string');
          expect(snapshot.error?.code).to.be.a('string').with.length.above(0);
        }),
      );
    });
  }

  for (const field of ['thumbnail_url', 'seed', 'width', 'height']) {
    it(`complete with the asset whatever its ${field} holds`, async () => {
      await fc.assert(
        fc.asyncProperty(anyValue, async (value) => {
          const assets = withField(documentedAssets(), field, value);
          answerWith({ ...gatewayTask(), result_assets_json: JSON.stringify(assets) });
          const [image] = (await gatewayApi.getStatus(context())).images ?? [];
          expect(image).to.include({
            status: 'succeeded',
            url: `${ORIGIN}/__mock/images/documented/image.png`,
          });
        }),
      );
    });
  }

  it('pass events on whatever their created_at holds', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, async (value) => {
        const [documentedEvent] = (documented(gateway.events, ORIGIN) as { task_events: Body[] }).task_events;
        answerWith({ task_events: [withField(documentedEvent, 'created_at', value)] });
        const [event] = await gatewayApi.getEvents(context(), 0);
        expect(event.created_at).to.equal(
          typeof value === 'string' || typeof value === 'number' ? String(value) : '',
        );
      }),
    );
  });

  it('are invalid-response when the status is not 1 to 8', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyValueBut((v) => [1, 2, 3, 4, 5, 6, 7, 8].includes(v as number)),
        async (value) => {
          answerWith(withField(gatewayTask(), 'status', value));
          expect(await outcome(() => gatewayApi.getStatus(context()))).to.deep.equal({
            code: 'invalid-response',
          });
        },
      ),
    );
  });

  it('are invalid-response when a succeeded task’s result has no URL of text', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyValueBut((v) => typeof v === 'string' && v !== ''),
        async (value) => {
          const assets = withField(documentedAssets(), 'image_url', value);
          answerWith({ ...gatewayTask(), result_assets_json: JSON.stringify(assets) });
          expect(await outcome(() => gatewayApi.getStatus(context()))).to.deep.equal({
            code: 'invalid-response',
          });
        },
      ),
    );
  });

  it('are invalid-response when a succeeded task’s result_assets_json is not a string of JSON', async () => {
    const notJsonText = fc.oneof(
      fc.string().filter((text) => text !== '' && !isJson(text)),
      fc.jsonValue().filter((value) => value !== null && typeof value !== 'string'),
    );
    await fc.assert(
      fc.asyncProperty(notJsonText, async (value) => {
        answerWith({ ...gatewayTask(), result_assets_json: value });
        expect(await outcome(() => gatewayApi.getStatus(context()))).to.deep.equal({
          code: 'invalid-response',
        });
      }),
    );
  });

  it('follow a pending task whatever its result_assets_json holds', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, fc.constantFrom(1, 2, 3), async (value, status) => {
        answerWith(withField({ ...gatewayTask(), status }, 'result_assets_json', value));
        expect((await gatewayApi.getStatus(context())).state).to.equal('pending');
      }),
    );
  });
});

function isJson(text: string) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('Garbage in any body', () => {
  const calls: Record<string, () => Promise<unknown>> = {
    'Mynth status': () => mynth.getStatus(context()),
    'Mynth results': () => mynth.getResults(context()),
    'Gateway status': () => gatewayApi.getStatus(context()),
    'Gateway events': () => gatewayApi.getEvents(context(), 0),
  };
  for (const [name, call] of Object.entries(calls)) {
    it(`${name}: any JSON or text is followed or invalid-response, never a crash`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.string()), async (body) => {
          answerWith(body);
          const result = await outcome(call);
          if ('code' in result) expect(result.code).to.equal('invalid-response');
        }),
      );
    });
  }
});

describe('decimal', () => {
  it('writes any finite number as plain decimal text of the same value', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = decimal(value);
        expect(text).to.match(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).to.equal(value);
      }),
    );
  });

  it('keeps a string exactly', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(decimal(text)).to.equal(text);
      }),
    );
  });
});
