// The notice itself, once the page let `task-notify` go (notice.ts): a mark in front of the tab's
// title until the page shows again, and one system notification per ending for the tabs of the
// origin. A module of its own, loaded while the task is pending, so it costs nothing until then.

/** The page's title before the mark, and the title with it; none while unmarked. */
let marked: { title: string; with: string } | undefined;

function unmark(): void {
  if (document.visibilityState === 'hidden' || !marked) return;
  // A title the page set meanwhile is its own: left alone.
  if (document.title === marked.with) document.title = marked.title;
  marked = undefined;
  document.removeEventListener('visibilitychange', unmark);
}

function mark(sign: string): void {
  if (!marked) document.addEventListener('visibilitychange', unmark);
  // The title element's own text: `document.title` reads it with its spaces collapsed.
  const title =
    marked && document.title === marked.with
      ? marked.title
      : (document.querySelector('title')?.text ?? document.title);
  document.title = sign + title;
  marked = { title, with: document.title };
}

/**
 * Runs `show` in one tab of the origin for `name`: the tab that holds the lock, for as long as it
 * is open. Without Web Locks, in each tab.
 */
function inOneTab(name: string, show: () => void): void {
  if (!('locks' in navigator)) {
    show();
    return;
  }
  void navigator.locks.request(name, { ifAvailable: true }, (lock) =>
    lock ? (show(), new Promise<never>(() => {})) : undefined,
  );
}

export interface Shown {
  /** The notification's title, and the tag that makes a second one for the task replace it. */
  title: string;
  tag: string;
  /** The same for every tab that gives a notice for this ending: one of them shows it. */
  once: string;
  completed: boolean;
  icon: string | undefined;
  lang: string;
  /** Where a click on the notification leads. */
  element: Element;
}

export function show({ title, tag, once, completed, icon, lang, element }: Shown): void {
  // Shown again while this module loaded: the page itself shows the ending.
  if (document.visibilityState !== 'hidden') return;
  mark(completed ? '✓ ' : '✕ ');
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  inOneTab(once, () => {
    try {
      const notification = new Notification(title, { tag, icon, lang });
      notification.onclick = () => {
        window.focus();
        element.scrollIntoView({ block: 'nearest' });
        notification.close();
      };
    } catch {
      // Where only a service worker may show notifications (Chrome on Android): the mark alone.
    }
  });
}
