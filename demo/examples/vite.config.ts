// The framework examples: one page each for plain HTML, React 19, Preact, Solid, Vue 3 and Svelte 5,
// with the mock task API mounted on the same origin. `npx vite demo/examples` serves them.
//
// The package's dist/ folder is the public folder: /task-progress.min.js is served and copied as
// it is, the way a CDN serves the package, and the plain HTML page loads it without bundling.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import react from '@vitejs/plugin-react';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { createTaskApi } from '../../mock/task-api.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

function mockTaskApi(): Plugin {
  const { middleware } = createTaskApi();
  return {
    name: 'mock-task-api',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

export default defineConfig({
  root: here('.'),
  publicDir: here('../../dist'),
  cacheDir: here('../../node_modules/.vite-examples'),
  appType: 'mpa',
  plugins: [
    mockTaskApi(),
    // Each JSX page to its own compiler: Solid's for solid/, React's for the others (the Preact page
    // names its JSX runtime with a pragma).
    react({ exclude: [/\/solid\//, /\/node_modules\//] }),
    solid({ include: /\/solid\/.*\.tsx$/ }),
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'task-progress' } } }),
    svelte(),
  ],
  build: {
    target: 'es2022',
    rolldownOptions: {
      input: {
        index: here('index.html'),
        html: here('html/index.html'),
        react: here('react/index.html'),
        preact: here('preact/index.html'),
        solid: here('solid/index.html'),
        vue: here('vue/index.html'),
        svelte: here('svelte/index.html'),
      },
    },
  },
});
