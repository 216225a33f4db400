// Reading requests and answering them in the demo's Node servers (demo/server.js, demo/proxy.js).

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

/**
 * Reads a request body of at most `limit` bytes; null when it is larger.
 * @param {Req} req
 * @param {number} limit
 * @returns {Promise<Buffer | null>}
 */
export async function readBody(req, limit) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  // Read to the end even past the limit, so that the refusal reaches the client.
  for await (const chunk of req) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? null : Buffer.concat(chunks);
}

/**
 * Answers `body` as JSON, never cached; a response already under way is only ended.
 * @param {Res} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}
