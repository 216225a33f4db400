import { css } from 'lit';

export const styles = css`
  :host {
    --task-progress-min-tile: 10rem;
    --task-progress-gap: 0.5rem;
    --task-progress-radius: 0.5rem;
    --task-progress-accent: #4338ca;
    --task-progress-fg: currentColor;
    --task-progress-bg: transparent;
    --task-progress-muted: color-mix(in srgb, currentColor 72%, transparent);

    display: block;
    position: relative;
    color: var(--task-progress-fg);
    background: var(--task-progress-bg);
    font: inherit;
  }

  :host([hidden]) {
    display: none;
  }

  /* Heard, not seen: each state shows its own visible text. Show it with ::part(status). */
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
    background: color-mix(in srgb, var(--task-progress-accent) 20%, transparent);
  }

  .bar {
    position: absolute;
    inset: 0 auto 0 0;
    width: 40%;
    border-radius: inherit;
    background: var(--task-progress-accent);
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

  @media (prefers-reduced-motion: reduce) {
    .bar {
      animation: none;
      width: 100%;
      opacity: 0.6;
    }
  }

  .meta {
    display: flex;
    gap: 1em;
    margin: var(--task-progress-gap) 0 0;
    color: var(--task-progress-muted);
    font-size: 0.875em;
  }

  [part='elapsed'] {
    font-variant-numeric: tabular-nums;
  }

  [part='grid'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--task-progress-min-tile), 100%), 1fr));
    gap: var(--task-progress-gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='tile'] {
    position: relative;
    overflow: hidden;
    border-radius: var(--task-progress-radius);
    background: color-mix(in srgb, var(--task-progress-fg) 8%, transparent);
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
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.25em;
    aspect-ratio: 1;
    padding: 0.75em;
    box-sizing: border-box;
    font-size: 0.875em;
  }

  .failed-reason {
    color: var(--task-progress-muted);
    overflow-wrap: anywhere;
  }

  [part='message'] {
    margin: 0 0 0.25em;
    font-weight: 600;
  }

  [part='error'],
  .hint {
    margin: 0 0 var(--task-progress-gap);
    overflow-wrap: anywhere;
  }

  .hint {
    color: var(--task-progress-muted);
  }

  button {
    font: inherit;
    padding: 0.4em 1em;
    border-radius: var(--task-progress-radius);
    border: 1px solid var(--task-progress-accent);
    cursor: pointer;
  }

  [part='retry-button'] {
    color: #fff;
    background: var(--task-progress-accent);
  }

  [part='cancel-button'] {
    margin-top: var(--task-progress-gap);
    color: var(--task-progress-accent);
    background: transparent;
  }

  button:focus-visible,
  .tile-link:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--task-progress-accent);
    outline-offset: 2px;
  }

  [part='events'] {
    margin-top: var(--task-progress-gap);
    font-size: 0.875em;
  }

  [part='events'] ol {
    margin: 0.25em 0 0;
    padding-left: 1.25em;
  }
`;
