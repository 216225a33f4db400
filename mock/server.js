// Serves the mock task API on its own port, for tests and for anyone who wants it standalone
// (`npm run mock`, or `node mock/server.js [port]` after a build).
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createTaskApi } from './task-api.js';

/** @typedef {ReturnType<typeof createTaskApi>} TaskApi */

/**
 * Serves `handler` on `host:port` (port 0 picks a free one) until `close()`.
 * @param {import('node:http').RequestListener} handler
 * @param {{ port?: number, host?: string }} [options]
 */
export async function listen(handler, { port = 0, host = '127.0.0.1' } = {}) {
  const server = createServer(handler);
  server.listen(port, host);
  await once(server, 'listening');
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://${host}:${address.port}`,
    // Open keep-alive connections would hold `close()` back.
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/**
 * A request listener for `api` alone: 404 for what it does not handle, 500 when it fails.
 * @param {TaskApi} api
 * @returns {import('node:http').RequestListener}
 */
export function serveTaskApi(api) {
  return (req, res) =>
    api.middleware(req, res, (error) => {
      if (!error) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
}

/**
 * Starts the mock API on `host:port` (port 0 picks a free one).
 * @param {{ port?: number, host?: string }} [options]
 */
export async function startMockServer(options) {
  const api = createTaskApi();
  return { api, ...(await listen(serveTaskApi(api), options)) };
}

/**
 * `handler`, plus the built element at `/task-progress.min.js`: then a page from anywhere, even a
 * file opened in the browser, can load the element and follow a mock task in a minute.
 * @param {import('node:http').RequestListener} handler
 * @returns {import('node:http').RequestListener}
 */
function withElementFile(handler) {
  const file = new URL('../dist/task-progress.min.js', import.meta.url);
  return (req, res) => {
    if (req.url !== '/task-progress.min.js') return handler(req, res);
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, { 'Content-Type': 'text/javascript', 'Access-Control-Allow-Origin': '*' })
          .end(body),
      () => res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not built: run `npm run build`'),
    );
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const handler = withElementFile(serveTaskApi(createTaskApi()));
  const port = Number(process.argv[2] ?? 8787);
  try {
    const { url } = await listen(handler, { port });
    console.log(`mock task API listening on ${url}, the element at ${url}/task-progress.min.js`);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
    console.error(
      `Port ${port} is already in use. Start the mock on another port: npm run mock -- 8788 ` +
        '(or node mock/server.js 8788 after a build), and use that port in your page.',
    );
    process.exitCode = 1;
  }
}
