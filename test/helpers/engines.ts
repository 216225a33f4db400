// What a test browser cannot do in automation, said once, with the reason, for the tests that skip.
const agent = navigator.userAgent;

/** Why this browser's media features (reduced motion) cannot be emulated, or undefined when they can. */
export const noMediaEmulation: string | undefined = agent.includes('Firefox')
  ? 'Puppeteer emulates media features through CDP only, which Firefox over WebDriver BiDi lacks.'
  : !agent.includes('Chrome')
    ? 'The WebDriver launcher (WebKit) has no media emulation.'
    : undefined;
