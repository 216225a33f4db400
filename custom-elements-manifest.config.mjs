// `npm run analyze` writes custom-elements.json from the source; `npm test` checks it is current.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself; a check run with another outdir must not rewrite it.
  packagejson: false,
};
