// How the benchmark sizes code: bundled and minified by esbuild as it would ship, legal comments
// dropped, then gzipped at level 9.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { besideModules } from '../scripts/beside-modules.mjs';

/**
 * The modules the element imports on first need stay out, as they ship beside it.
 * @param {string} entry
 * @param {{ external?: string[], plugins?: import('esbuild').Plugin[] }} [options]
 */
export async function bundle(entry, { external = [], plugins = [] } = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    legalComments: 'none',
    write: false,
    external,
    plugins: [...plugins, besideModules],
    logLevel: 'silent',
  });
  return Buffer.from(result.outputFiles[0].contents);
}

/** @param {Buffer} code */
export const sizeOf = (code) => ({ min: code.length, gzip: gzipSync(code, { level: 9 }).length });
