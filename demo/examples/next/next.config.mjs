// The Next.js example: `next build demo/examples/next`, then `next start demo/examples/next`; its
// server starts tasks on the mock task API of `npm run mock`, or at MOCK_API. The examples' tsconfig
// checks its types (`npm run typecheck:examples`), so the build does not check them again.
/** @type {import('next').NextConfig} */
export default {
  typescript: { ignoreBuildErrors: true },
  // Turbopack takes a `proxy.js` in a folder above the app (the demo's own demo/proxy.js) for the
  // app's proxy; the app's own files are all TypeScript.
  pageExtensions: ['tsx', 'ts'],
};
