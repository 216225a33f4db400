// Starts a WebKit WebDriver service (WebKitWebDriver, or WPEWebDriver) on a free port, with every
// process it spawns in one process group of its own, so that stopping it stops them all: the driver
// and the browser it launched (MiniBrowser, cog), and the virtual display when it has one.
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';

/**
 * Every service still running, stopped when Node exits however it exits: a service's group does
 * not get the terminal's Ctrl-C, so it is stopped from here.
 * @type {Set<() => void>}
 */
const running = new Set();
const stopAll = () => running.forEach((stop) => stop());
process.once('exit', stopAll);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.once(signal, () => {
    stopAll();
    // Whoever else listens (the test runner) exits in its own way; otherwise die of the signal.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

/**
 * Starts `command` (e.g. `[...XVFB_COMMAND, 'WebKitWebDriver']`) with `--port=N` appended, N a free port;
 * resolves once the port accepts connections.
 * @param {string[]} command
 * @param {{ timeout?: number }} [options]
 * @returns {Promise<{ port: number, stop: () => void }>}
 */
export async function startWebDriverService(command, { timeout = 30_000 } = {}) {
  const port = await freePort();
  const [file, ...args] = command;
  const child = spawn(/** @type {string} */ (file), [...args, `--port=${port}`], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  /** @type {string[]} */
  const stderr = [];
  child.stderr?.on('data', (chunk) => stderr.push(String(chunk)));
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const stop = () => {
    running.delete(stop);
    try {
      // The whole group: the driver's browser outlives the driver when only the driver is killed.
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  running.add(stop);
  child.unref();
  /** @type {import('node:net').Socket | null} */ (child.stderr)?.unref();
  const deadline = Date.now() + timeout;
  while (!(await accepts(port))) {
    if (exited || Date.now() > deadline) {
      stop();
      throw new Error(`${command.join(' ')} did not start: ${stderr.join('').trim() || 'no output'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, stop };
}

/** A port free on this machine now (the service binds it right after). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** @param {number} port */
function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
