import { LitElement, html } from 'lit';

/**
 * Follows an async generation task and shows its results.
 */
export class TaskProgress extends LitElement {
  override render() {
    return html`<div part="base"></div>`;
  }
}
