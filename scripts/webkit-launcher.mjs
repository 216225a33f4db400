// web-test-runner's launcher for WebKitGTK: starts WebKitWebDriver on a free port under a virtual
// display when the runner starts, drives MiniBrowser over WebDriver classic, and stops the driver,
// the browser and the display when the runner stops.
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { WEBKIT_CAPABILITIES, XVFB_COMMAND } from './browsers.mjs';
import { startWebDriverService } from './webdriver-service.mjs';

export class WebKitLauncher extends WebdriverLauncher {
  /** @type {string} */
  #driver;
  /** The options the launcher connects with, its port set once the driver runs. */
  #options;
  /** @type {{ stop: () => void } | undefined} */
  #service;

  /** @param {string} driver WebKitWebDriver's executable */
  constructor(driver) {
    const options = {
      hostname: '127.0.0.1',
      port: 0,
      logLevel: /** @type {const} */ ('error'),
      capabilities: WEBKIT_CAPABILITIES,
    };
    super(options);
    this.#driver = driver;
    this.#options = options;
  }

  /**
   * @override
   * @param {Parameters<WebdriverLauncher['initialize']>} args
   */
  async initialize(...args) {
    await super.initialize(...args);
    this.name = 'WebKit';
    const service = await startWebDriverService([...XVFB_COMMAND, this.#driver]);
    this.#service = service;
    this.#options.port = service.port;
  }

  /** @override */
  async stop() {
    try {
      await super.stop();
    } finally {
      this.#service?.stop();
      this.#service = undefined;
    }
  }
}
