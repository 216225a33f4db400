// Reading an event stream in the Node tests of the mock, the demo's relay and the guide's relay.

/**
 * Reads a stream's text until `enough(text)`, then lets it go (the connection closes), or to its end.
 * @param {Response} res
 * @param {(text: string) => boolean} [enough]
 */
export async function readStream(res, enough = () => false) {
  const reader = /** @type {ReadableStream<Uint8Array>} */ (res.body)
    .pipeThrough(new TextDecoderStream())
    .getReader();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { text, ended: true };
    text += value;
    if (enough(text)) {
      await reader.cancel();
      return { text, ended: false };
    }
  }
}

/**
 * The events of a stream's text: each block's `id`, `event` and parsed `data`.
 * @param {string} text
 */
export function eventsOf(text) {
  return text
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => {
      const field = (/** @type {string} */ name) => block.match(new RegExp(`^${name}: (.*)$`, 'm'))?.[1];
      return { id: field('id'), event: field('event'), data: JSON.parse(field('data') ?? 'null') };
    });
}
