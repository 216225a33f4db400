// A node:test reporter that writes the pass/fail counts as JSON, for the closing summary line.
/** @param {AsyncIterable<{ type: string, data: { nesting: number, details?: { type?: string } } }>} source */
export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    // Suites report too; count tests only.
    if (event.data.details?.type === 'suite') continue;
    if (event.type === 'test:pass') passed++;
    if (event.type === 'test:fail') failed++;
  }
  yield JSON.stringify({ passed, failed });
}
