import { unsafeCSS } from 'lit';

// The public custom properties are read with their defaults on :host, never declared, so a value
// set on the element or on any ancestor (such as :root) reaches it. The status region is heard, not
// seen (each state shows its own visible text); a page shows it with ::part(status). Comments stay
// out of the CSS text. `unsafeCSS` is "unsafe" only for text from elsewhere; this text is a
// constant, and the `css` tag would add nothing but a check of interpolated values (0.14 kB).
// The default accent has 5.2:1 against white and 3.7:1 against #111 (WCAG 2: at least 3:1 for the
// bar and the buttons on light and dark pages, 4.5:1 for Retry's white text on it). The default
// tile is at most half the width, so a phone shows two columns; a video takes a row of its own, for
// the room its controls need. `.reserve` stacks its children in one cell, the box an SVG reserves
// under what covers it: the placeholders under the pending view, a failed tile under its text (as
// large as its neighbours, larger when the text needs it). Tiles do not clip, so the focus ring
// shows in the gap around them.
export const styles = unsafeCSS(`
  :host {
    --_gap: var(--task-progress-gap, 0.5rem);
    --_radius: var(--task-progress-radius, 0.5rem);
    --_accent: var(--task-progress-accent, #6059e6);
    --_fg: var(--task-progress-fg, currentColor);
    --_muted: var(--task-progress-muted, color-mix(in srgb, currentColor 72%, transparent));

    display: block;
    position: relative;
    color: var(--_fg);
    background: var(--task-progress-bg, transparent);
    font: inherit;
  }

  :host([hidden]) {
    display: none;
  }

  [part='status'] {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  [part='progress'] {
    position: relative;
    overflow: hidden;
    height: 0.375rem;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_accent) 20%, transparent);
  }

  /* Right to left, the bar fills from the right (the grid mirrors by itself). */
  .rtl [part='progress'] {
    transform: scaleX(-1);
  }

  .bar {
    position: absolute;
    inset: 0 auto 0 0;
    width: 40%;
    border-radius: inherit;
    background: var(--_accent);
    animation: slide 1.4s ease-in-out infinite;
  }

  @keyframes slide {
    from {
      transform: translateX(-100%);
    }
    to {
      transform: translateX(250%);
    }
  }

  [part='progress'] svg {
    position: absolute;
    width: 100%;
    height: 100%;
    fill: var(--_accent);
  }

  .meta,
  [part='retry-status'],
  [part='events'],
  [part='cancel-button'] {
    margin: var(--_gap) 0 0;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    color: var(--_muted);
    font-size: 0.875em;
  }

  [part='phase'] {
    flex-basis: 100%;
  }

  .meta,
  [part='retry-status'] {
    font-variant-numeric: tabular-nums;
  }

  .reserve {
    display: grid;
  }

  .reserve > * {
    grid-area: 1 / 1;
  }

  .over {
    align-self: start;
    padding: var(--_gap);
  }

  .reserve svg {
    display: block;
    width: 100%;
  }

  [part='placeholder'] {
    animation: shimmer 2s ease-in-out infinite;
  }

  @keyframes shimmer {
    50% {
      opacity: 0.5;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .bar,
    [part='placeholder'] {
      animation: none;
    }

    .bar {
      width: 100%;
      opacity: 0.6;
    }
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--task-progress-min-tile, min(10rem, (100% - var(--_gap)) / 2)), 100%), 1fr));
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .wide {
    grid-column: 1 / -1;
  }

  [part~='tile'],
  [part='placeholder'] {
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_fg) 8%, transparent);
  }

  /* A preview fills its tile's box, whatever its own size: the results come in the same boxes.
     Faded, so that the text over it stays readable on a light or a dark page. */
  [part='preview'] {
    width: 100%;
    height: 100%;
    object-fit: cover;
    border-radius: var(--_radius);
    opacity: 0.5;
  }

  .tile-link {
    display: block;
    border-radius: inherit;
  }

  [part='image'],
  [part='video'] {
    display: block;
    width: 100%;
    height: auto;
    border-radius: inherit;
  }

  [part='image']:not([width]),
  [part='video']:not([width]) {
    aspect-ratio: 1;
    object-fit: cover;
  }

  [part~='image-failed'] {
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }

  .failed {
    display: grid;
    align-content: center;
    gap: 0.25em;
    padding: 0.75em;
  }

  .failed-reason {
    color: var(--_muted);
  }

  [part='message'] {
    margin: 0 0 0.25em;
    font-weight: 600;
  }

  [part='error'],
  .hint {
    margin: 0 0 var(--_gap);
    overflow-wrap: anywhere;
  }

  .hint {
    color: var(--_muted);
  }

  button {
    font: inherit;
    padding: 0.4em 1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    cursor: pointer;
  }

  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }

  [part='retry-button'] {
    color: #fff;
    background: var(--_accent);
  }

  [part='cancel-button'],
  [part='notify-button'],
  [part='download-button'] {
    color: inherit;
    background: transparent;
  }

  [part='download-button'] {
    margin: var(--_gap);
  }

  button:focus-visible,
  .tile-link:focus-visible,
  video:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  [part='events'] {
    font-size: 0.875em;
  }

  [part='events'] ol {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
  }
`);
