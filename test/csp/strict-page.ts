// Runs inside an iframe served with a strict CSP and Trusted Types required: follows a task to the
// end, opens a result in the viewer, and reports to the test what happened, including every policy
// violation.
import '../../src/define.js';
import { mynthResults } from '../../mock/bodies.js';
import { createTask, mockApiUrl } from '../helpers/mock-api.js';

const PROBE = '<b>probe of the policy</b>';
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  // The page's own probe below is meant to be refused; everything else counts.
  if (!event.sample.includes('probe of the policy')) {
    violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
  }
});

function trustedTypesEnforced(): boolean {
  try {
    document.body.innerHTML = PROBE;
    return false;
  } catch {
    return true;
  }
}

const { taskId, publicAccessToken } = await createTask({
  status: [{ times: 1, json: { status: 'pending' } }, { json: { status: 'completed' } }],
  results: [{ json: mynthResults(mockApiUrl, 2, { failed: [1] }) }],
});

const enforced = trustedTypesEnforced();
const el = document.createElement('task-progress');
Object.assign(el, {
  baseUrl: mockApiUrl,
  pollInterval: 50,
  taskId,
  publicAccessToken,
  viewer: true,
  downloadable: true,
});
const completed = new Promise((done) => el.addEventListener('task-complete', done, { once: true }));
document.body.append(el);
await completed;
const img = el.shadowRoot?.querySelector('img');
if (img && !img.complete) await new Promise((done) => img.addEventListener('load', done, { once: true }));
const tiles = el.shadowRoot?.querySelectorAll('[part~="tile"]').length ?? 0;
const grid = el.shadowRoot?.querySelector('[part="grid"]');
const downloadButton = el.shadowRoot?.querySelector('[part="download-button"]');
el.shadowRoot?.querySelector<HTMLElement>('.tile-link')?.click();
const viewer = await new Promise<HTMLDialogElement | null | undefined>((done) => {
  const check = () => {
    const dialog = el.shadowRoot?.querySelector('dialog');
    if (dialog?.open) done(dialog);
    else setTimeout(check, 50);
  };
  check();
});
parent.postMessage(
  {
    state: el.state,
    tiles,
    imageLoaded: Boolean(img?.complete && img.naturalWidth > 0),
    gridStyled: grid ? getComputedStyle(grid).display === 'grid' : false,
    downloadStyled: downloadButton ? getComputedStyle(downloadButton).backgroundColor : '',
    viewerStyled: viewer ? getComputedStyle(viewer).backgroundColor : '',
    trustedTypes: 'trustedTypes' in window,
    enforced,
    violations,
  },
  '*',
);
