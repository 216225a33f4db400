// docs/behaviour.md, Security: the element works under `default-src 'self'; style-src 'self'` with Trusted Types
// required, without a policy of its own.
import { expect } from '@open-wc/testing';

interface Report {
  state: string;
  tiles: number;
  imageLoaded: boolean;
  gridStyled: boolean;
  downloadStyled: string;
  viewerStyled: string;
  trustedTypes: boolean;
  enforced: boolean;
  violations: string[];
}

describe('strict CSP and Trusted Types', () => {
  it('follows a task to completed and opens the viewer, with styles applied and no violation', async () => {
    const frame = document.createElement('iframe');
    const report = new Promise<Report>((resolve) => {
      window.addEventListener('message', function onMessage(event: MessageEvent<Report>) {
        if (event.source !== frame.contentWindow) return;
        window.removeEventListener('message', onMessage);
        resolve(event.data);
      });
    });
    frame.width = '800';
    frame.height = '600';
    frame.src = new URL('./csp/strict-page.csp.html', import.meta.url).href;
    document.body.append(frame);
    try {
      const result = await report;
      expect(result.violations).to.deep.equal([]);
      expect(result.state).to.equal('completed');
      expect(result.tiles).to.equal(2);
      expect(result.imageLoaded).to.equal(true);
      expect(result.gridStyled).to.equal(true);
      expect(result.downloadStyled, 'the Download button, transparent').to.equal('rgba(0, 0, 0, 0)');
      expect(result.viewerStyled, "the viewer's styles, adopted").to.equal('rgb(17, 17, 17)');
      // Where the browser implements Trusted Types, the page's policy is really in force.
      expect(result.enforced).to.equal(result.trustedTypes);
    } finally {
      frame.remove();
    }
  });
});
