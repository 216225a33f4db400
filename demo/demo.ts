// The demo page, written as an app's page would be: it asks its own server to start a task, gets
// back only `{ taskId, publicAccessToken }`, and mounts <task-progress> with them.
import '../src/define.js';
import { type TaskProgress, taskEventTypes } from '../src/index.js';
import { type ElementOptions, scenarioList } from '../mock/scenarios.js';
import { diffusionAdapter } from './diffusion-adapter.js';

interface DemoConfig {
  mode: 'mock' | 'mynth';
  baseUrl?: string;
  model?: string;
}

interface StartedTask {
  taskId: string;
  publicAccessToken: string;
}

/** The event panel keeps this many entries. */
const MAX_LOG_ENTRIES = 60;
/** Mock tasks are short: the page polls them faster than the element's default. */
const MOCK_POLL_INTERVAL = 1000;

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`The page has no ${type.name} #${id}.`);
  return element;
}

const startForm = byId('start-form', HTMLFormElement);
const promptInput = byId('prompt', HTMLTextAreaElement);
const scenarioFieldset = byId('scenarios', HTMLFieldSetElement);
const scenarioButtons = byId('scenario-buttons', HTMLDivElement);
const realStart = byId('real-start', HTMLDivElement);
const startStatus = byId('start-status', HTMLParagraphElement);
const modeText = byId('mode', HTMLParagraphElement);
const hint = byId('hint', HTMLParagraphElement);
const stage = byId('stage', HTMLDivElement);
const markup = byId('markup', HTMLPreElement);
const eventLog = byId('event-log', HTMLOListElement);
const themeForm = byId('theme', HTMLFormElement);
const schemeButton = byId('scheme', HTMLButtonElement);
const accentInput = byId('accent', HTMLInputElement);
const optionsForm = byId('options', HTMLFormElement);
const langSelect = byId('lang', HTMLSelectElement);
const pushSwitch = byId('push-switch', HTMLParagraphElement);
const taskPanel = byId('task', HTMLElement);

let config: DemoConfig = { mode: 'mock' };
/** The scenario of the task on stage, to start another one when the page is asked to retry. */
let currentScenario = '';

// Starting tasks

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as { error?: unknown };
  if (!response.ok) {
    throw new Error(typeof json.error === 'string' ? json.error : `The server answered ${response.status}.`);
  }
  return json as T;
}

function scenarioInfo(name: string) {
  return scenarioList.find((scenario) => scenario.name === name);
}

/** Asks the server for a task; mounts a new element, or gives `element` the new task. */
async function start(scenario: string, element?: TaskProgress): Promise<void> {
  const prompt = promptInput.value.trim();
  setStarting(true);
  startStatus.textContent = 'Asking the server for a task…';
  try {
    const task = await postJson<StartedTask>(
      '/api/generate',
      config.mode === 'mock' ? { scenario, prompt } : { prompt },
    );
    currentScenario = scenario;
    if (element) {
      element.publicAccessToken = task.publicAccessToken;
      // The attribute, not only the property: the element's markup (and the panel's copy of it)
      // must name the task it follows now.
      element.setAttribute('task-id', task.taskId);
      showMarkup(element);
    } else {
      mount(task, scenario, prompt);
    }
    startStatus.textContent = '';
  } catch (error) {
    startStatus.textContent = `Could not start a task: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    setStarting(false);
  }
}

function setStarting(starting: boolean): void {
  for (const button of startForm.querySelectorAll('button')) button.disabled = starting;
}

/** Mounts a fresh element for a task, with the options the page sets for its scenario. */
function mount(task: StartedTask, scenario: string, prompt: string): void {
  const info = scenarioInfo(scenario);
  const options: ElementOptions = info?.element ?? {};
  const attributes: [string, string][] = [];
  if (config.mode === 'mock') {
    attributes.push(['base-url', location.origin], ['poll-interval', String(MOCK_POLL_INTERVAL)]);
  } else if (config.baseUrl) {
    attributes.push(['base-url', config.baseUrl]);
  }
  if (options.provider) attributes.push(['provider', options.provider]);
  if (options.cancelable) attributes.push(['cancelable', '']);
  if (options.showEvents) attributes.push(['show-events', '']);
  if (options.timeout) attributes.push(['timeout', String(options.timeout)]);
  if (options.maxPollInterval) attributes.push(['max-poll-interval', String(options.maxPollInterval)]);
  if (options.expectedDuration) attributes.push(['expected-duration', String(options.expectedDuration)]);
  if (options.durationKey) attributes.push(['duration-key', options.durationKey]);
  if (options.rememberDurations) attributes.push(['remember-durations', '']);
  if (options.expectedCount) attributes.push(['expected-count', String(options.expectedCount)]);
  if (prompt) attributes.push(['alt', prompt]);
  attributes.push(['task-id', task.taskId]);

  const element = document.createElement('task-progress');
  for (const [name, value] of attributes) element.setAttribute(name, value);
  element.publicAccessToken = task.publicAccessToken;
  if (options.adapter === 'diffusion') element.adapter = diffusionAdapter;
  if (options.tokenProvider) element.tokenProvider = () => refreshToken(element);
  applyTheme(element);
  applyOptions(element);
  stage.replaceChildren(element);

  hint.textContent =
    info?.hint ??
    `A task on Mynth${config.model ? ` (model ${config.model})` : ''}, started by the server with its key.`;
  showMarkup(element);
  revealTask();
}

/** The element's tokenProvider: the page's server mints a new token for the task. */
async function refreshToken(element: TaskProgress): Promise<string> {
  const taskId = element.taskId ?? '';
  const { publicAccessToken } = await postJson<{ publicAccessToken: string }>('/api/token', { taskId });
  logEntry('tokenProvider()', { taskId, note: 'a new token from POST /api/token' }, 'page');
  return publicAccessToken;
}

/** Attributes the element sets on itself (and the theme's inline style): not the page's markup. */
const OWN_ATTRIBUTES = new Set(['state', 'aria-busy', 'style']);

/** Shows the page's markup of the element, read from the element itself (the token left out). */
function showMarkup(element: TaskProgress): void {
  const attributeText = element
    .getAttributeNames()
    .filter((name) => !OWN_ATTRIBUTES.has(name))
    .map((name) => {
      const value = element.getAttribute(name);
      return value === '' ? name : `${name}="${value}"`;
    })
    .join('\n  ');
  const lines = [
    `<task-progress\n  ${attributeText}\n></task-progress>`,
    `element.publicAccessToken = '…'; // from /api/generate`,
  ];
  if (element.adapter === diffusionAdapter)
    lines.push(`element.adapter = diffusionAdapter; // demo/diffusion-adapter.ts`);
  if (element.tokenProvider) lines.push(`element.tokenProvider = () => /* POST /api/token */;`);
  markup.textContent = lines.join('\n');
  markup.hidden = false;
}

startForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const submitter = event.submitter;
  const scenario = submitter instanceof HTMLButtonElement ? submitter.value : '';
  if (config.mode === 'mock' && !scenario) return;
  void start(scenario);
});

// The event panel

function clockTime(): string {
  const now = new Date();
  return `${now.toLocaleTimeString([], { hour12: false })}.${String(now.getMilliseconds()).padStart(3, '0')}`;
}

/** The fields of the events' details that their one-line summaries use. */
interface DetailFields {
  state?: string;
  previousState?: string;
  status?: string | number;
  images?: { status: string }[];
  error?: { code?: string; message?: string } | null;
  willRetry?: boolean;
  index?: number;
  event_type?: string;
  message?: string;
  note?: string;
  taskId?: string;
}

/** A few words on what an event says; the whole detail is one click away. */
function eventSummary(type: string, detail: DetailFields): string {
  switch (type) {
    case 'task-state-change':
      return `${detail.previousState} → ${detail.state}${detail.status === undefined ? '' : ` (status ${detail.status})`}`;
    case 'task-complete': {
      const images = detail.images ?? [];
      const failed = images.filter((image) => image.status === 'failed').length;
      return `${images.length} result${images.length === 1 ? '' : 's'}${failed ? `, ${failed} failed` : ''}`;
    }
    case 'task-failed':
      return [detail.state, detail.error?.message].filter(Boolean).join(': ');
    case 'task-error':
      return `${detail.error?.code}, ${detail.willRetry ? 'will retry' : 'gave up'}: ${detail.error?.message ?? ''}`;
    case 'task-retry':
      return `from ${detail.state}`;
    case 'task-image-click':
      return `result ${(detail.index ?? 0) + 1}`;
    case 'task-event':
      return `${detail.event_type}: ${detail.message}`;
    default:
      return detail.note ?? detail.taskId ?? '';
  }
}

/** One line per event (type, summary, time) that opens to the event's detail as JSON. */
function logEntry(type: string, detail: unknown, source: 'element' | 'page' = 'element'): void {
  const item = document.createElement('li');
  item.dataset.type = type;
  item.className = `event event-${source}`;

  const entry = document.createElement('details');
  const heading = document.createElement('summary');
  heading.className = 'event-heading';
  const name = document.createElement('strong');
  name.textContent = type;
  const summary = document.createElement('span');
  summary.className = 'event-summary';
  summary.textContent = eventSummary(type, detail ?? {});
  const time = document.createElement('time');
  time.dateTime = new Date().toISOString();
  time.textContent = clockTime();
  heading.append(name, summary, time);

  const body = document.createElement('pre');
  body.className = 'event-detail';
  body.textContent = JSON.stringify(detail, null, 2);

  entry.append(heading, body);
  item.append(entry);
  eventLog.prepend(item);
  while (eventLog.children.length > MAX_LOG_ENTRIES) eventLog.lastElementChild?.remove();
}

for (const type of taskEventTypes) {
  stage.addEventListener(type, (event) => logEntry(type, (event as CustomEvent<unknown>).detail));
}

// A failed, cancelled or expired task is over: retrying it means a new task on the same element.
stage.addEventListener('task-retry', (event) => {
  const element = event.target as TaskProgress;
  const { state } = event.detail;
  if (state === 'failed' || state === 'cancelled' || state === 'expired')
    void start(currentScenario, element);
});

byId('clear-events', HTMLButtonElement).addEventListener('click', () => eventLog.replaceChildren());

// Language and results: the options form's choices, set on the element on stage and on each one
// mounted after it.

/**
 * Sets the element's `lang` from the picker (with `dir="rtl"` for a language written right to
 * left, as its page would have), and each switch's attribute (named by the switch): its
 * `data-value` (Push's stream URL, relayed by the page's server), or present for a boolean one.
 */
function applyOptions(element: Element): void {
  element.setAttribute('lang', langSelect.value);
  if (langSelect.selectedOptions[0].dir === 'rtl') element.setAttribute('dir', 'rtl');
  else element.removeAttribute('dir');
  for (const input of optionsForm.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    if (input.checked) element.setAttribute(input.name, input.dataset.value ?? '');
    else element.removeAttribute(input.name);
  }
}

optionsForm.addEventListener('submit', (event) => event.preventDefault());
optionsForm.addEventListener('change', () => {
  const element = stage.querySelector('task-progress');
  if (!element) return;
  applyOptions(element);
  showMarkup(element);
});

// On a phone

/** One column (demo.css's breakpoint): the task panel is below every control, out of sight. */
const oneColumn = matchMedia('not all and (min-width: 56rem)');
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

/** In one column, brings the task panel into view: the feedback that a picked scenario started. */
function revealTask(): void {
  if (!oneColumn.matches) return;
  taskPanel.scrollIntoView({ behavior: reducedMotion.matches ? 'auto' : 'smooth', block: 'start' });
}

// Theme

/** The custom properties changed through the theme controls; the rest keep the element's defaults. */
const theme = new Map<string, string>();

/** Set on the element itself: its own stylesheet gives each property a default on `:host`. */
function applyTheme(element: Element | null): void {
  if (!(element instanceof HTMLElement)) return;
  for (const [property, value] of theme) element.style.setProperty(property, value);
}

themeForm.addEventListener('submit', (event) => event.preventDefault());
themeForm.addEventListener('input', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.dataset.property) return;
  const value = `${input.value}${input.dataset.unit ?? ''}`;
  theme.set(input.dataset.property, value);
  applyTheme(stage.querySelector('task-progress'));
  const output = themeForm.querySelector<HTMLOutputElement>(`output[for="${input.id}"]`);
  if (output) output.value = value;
});

function setScheme(dark: boolean): void {
  document.documentElement.dataset.scheme = dark ? 'dark' : 'light';
  schemeButton.setAttribute('aria-pressed', String(dark));
  showSchemeAccent();
}

/**
 * The accent control shows the element's accent: the scheme's own (demo.css sets a readable one on
 * the dark panel), until a colour is picked, which is set on the element and kept in either scheme.
 */
function showSchemeAccent(): void {
  const property = accentInput.dataset.property ?? '';
  if (theme.has(property)) return;
  const schemeAccent = getComputedStyle(document.documentElement).getPropertyValue(property).trim();
  accentInput.value = schemeAccent || accentInput.defaultValue;
}

schemeButton.addEventListener('click', () => setScheme(schemeButton.getAttribute('aria-pressed') !== 'true'));
setScheme(matchMedia('(prefers-color-scheme: dark)').matches);

// Start-up: which mode the server is in

async function init(): Promise<void> {
  try {
    const response = await fetch('/api/config');
    if (response.ok) config = (await response.json()) as DemoConfig;
  } catch {
    // No config route: the mock it is.
  }
  if (config.mode === 'mock') {
    for (const scenario of scenarioList) {
      const button = document.createElement('button');
      button.type = 'submit';
      button.name = 'scenario';
      button.value = scenario.name;
      button.textContent = scenario.label;
      button.title = scenario.hint;
      scenarioButtons.append(button);
    }
    modeText.append(' Mock mode: the built-in mock task API plays each scenario.');
  } else {
    scenarioFieldset.hidden = true;
    realStart.hidden = false;
    // The server relays the mock's tasks only: a real task's status would come from its webhook.
    pushSwitch.hidden = true;
    modeText.append(
      ` Real mode: the server starts tasks on Mynth${config.model ? ` (model ${config.model})` : ''} with its key, which never reaches this page.`,
    );
  }
  document.documentElement.dataset.ready = 'true';
}

void init();
