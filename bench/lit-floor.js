// The size floor: the smallest useful Lit element, bundled with Lit.
import { LitElement, html } from 'lit';

class LitFloor extends LitElement {
  /** @override */
  static properties = { label: {} };

  constructor() {
    super();
    /** @type {string} */
    this.label = '';
  }

  /** @override */
  render() {
    return html`<p>${this.label}</p>`;
  }
}

customElements.define('lit-floor', LitFloor);
