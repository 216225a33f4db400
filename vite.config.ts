// `npm start`: the demo page with the mock task API mounted as middleware (no network, no key).
// `npm run build`: dist/task-progress.min.js, one self-contained module that registers the element.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { createTaskApi } from './mock/task-api.js';

function mockTaskApi(): Plugin {
  return {
    name: 'mock-task-api',
    configureServer(server) {
      const api = createTaskApi();
      server.middlewares.use((req, res, next) => {
        api.handle(req, res).then((handled) => handled || next(), next);
      });
    },
  };
}

export default defineConfig({
  root: 'demo',
  plugins: [mockTaskApi()],
  server: { port: 5173 },
  build: {
    outDir: fileURLToPath(new URL('dist', import.meta.url)),
    emptyOutDir: false,
    target: 'es2022',
    lib: {
      entry: fileURLToPath(new URL('src/define.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'task-progress.min.js',
    },
  },
});
