// The server-sent-events parser (src/event-stream.ts): the format's rules over any events, written
// with any line ends and cut into chunks anywhere, and over garbage.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { type ServerEvent, eventParser, readEventStream } from '../src/event-stream.js';

/** Feeds `chunks` to one parser; every event, and the last event id after each chunk. */
function parseAll(chunks: string[]) {
  const parse = eventParser();
  const events: ServerEvent[] = [];
  const ids: (string | undefined)[] = [];
  for (const chunk of chunks) {
    const [some, id] = parse(chunk);
    events.push(...some);
    ids.push(id);
  }
  return { events, ids };
}

/** `text` cut at the given places. */
function cut(text: string, places: number[]): string[] {
  const at = [...new Set(places.map((place) => place % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
}

/** Text without line ends. */
const lineText = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '{', '"', '}', 'é', '😀', '\t') });
const lineEnd = fc.constantFrom('\n', '\r', '\r\n');

const anEvent = fc.record({
  type: fc.option(fc.stringMatching(/^[a-z]{1,8}$/), { nil: undefined }),
  lines: fc.array(lineText, { minLength: 1, maxLength: 3 }),
  id: fc.option(fc.stringMatching(/^[0-9a-z]{1,6}$/), { nil: undefined }),
  comment: fc.boolean(),
});

describe('eventParser', () => {
  it('gives back every event, however its lines end and wherever the text is cut', () => {
    fc.assert(
      fc.property(
        fc.array(anEvent, { maxLength: 6 }),
        lineEnd,
        fc.array(fc.nat(), { maxLength: 8 }),
        (events, end, places) => {
          const text = events
            .map(
              ({ type, lines, id, comment }) =>
                [
                  ...(comment ? [': keep-alive'] : []),
                  ...(type ? [`event: ${type}`] : []),
                  ...(id ? [`id: ${id}`] : []),
                  ...lines.map((line) => `data: ${line}`),
                  '',
                ].join(end) + end,
            )
            .join('');
          const parsed = parseAll(cut(text, places));
          expect(parsed.events).to.deep.equal(
            events.map(({ type, lines }) => ({ type: type ?? 'message', data: lines.join('\n') })),
          );
          const lastId = events
            .map(({ id }) => id)
            .filter(Boolean)
            .pop();
          expect(parsed.ids[parsed.ids.length - 1]).to.equal(lastId);
        },
      ),
    );
  });

  it('never throws on garbage, and gives only events whose data was written', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 6 }), (chunks) => {
        const { events } = parseAll(chunks);
        for (const { type, data } of events) {
          expect(type).to.be.a('string');
          expect(data).to.be.a('string');
        }
      }),
    );
  });

  it('follows the format: comments, a field without a colon, one leading space, unknown fields, no event without data', () => {
    const { events, ids } = parseAll([
      ': comment\n',
      'data\n\n', // a field name alone: data with an empty value
      'data:no space\ndata:  two spaces\n\n',
      'event: results\nretry: 100\nfoo: bar\n\n', // no data: no event
      'id: 5\n\n', // no data: no event, but the id counts
      'id: a\u0000b\ndata: x\n\n', // an id with NUL is ignored
    ]);
    expect(events).to.deep.equal([
      { type: 'message', data: '' },
      { type: 'message', data: 'no space\n two spaces' },
      { type: 'message', data: 'x' },
    ]);
    expect(ids).to.deep.equal([undefined, undefined, undefined, undefined, '5', '5']);
  });

  it('keeps an event whose blank line has not come yet, and reads a CRLF split between chunks as one line end', () => {
    const { events } = parseAll(['data: {"status"', ':"pending"}\r', '\ndata: 2\r', '\n\r', '\n']);
    expect(events).to.deep.equal([{ type: 'message', data: '{"status":"pending"}\n2' }]);
  });
});

describe('readEventStream', () => {
  /** A body that sends `chunks` as bytes, then ends. */
  const body = (chunks: Uint8Array[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });

  it('drops a byte order mark, joins a character split across chunks, passes on each chunk, and throws at the end', async () => {
    const bytes = new TextEncoder().encode('\uFEFFdata: é😀\n\n: ping\n');
    const taken: [ServerEvent[], string | undefined][] = [];
    let thrown: unknown;
    try {
      await readEventStream(body([bytes.slice(0, 9), bytes.slice(9, 12), bytes.slice(12)]), (...args) =>
        taken.push(args),
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.an('error');
    expect(taken.flatMap(([events]) => events)).to.deep.equal([{ type: 'message', data: 'é😀' }]);
    expect(taken, 'each chunk passed on, the comment too').to.have.length(3);
  });
});
