// Serves the mock task API on its own port, for tests and for anyone who wants it standalone
// (`node mock/server.js [port]`).
import { createServer } from 'node:http';
import { createTaskApi } from './task-api.js';

/**
 * Starts the mock API on `host:port` (port 0 picks a free one).
 * @param {{ port?: number, host?: string }} [options]
 */
export async function startMockServer({ port = 0, host = '127.0.0.1' } = {}) {
  const api = createTaskApi();
  const server = createServer((req, res) => {
    api.handle(req, res).then(
      (handled) => {
        if (!handled) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      },
      (error) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(error));
      },
    );
  });
  await new Promise((resolve) => server.listen(port, host, () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    api,
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startMockServer({ port: Number(process.argv[2] ?? 8787) });
  console.log(`mock task API listening on ${url}`);
}
