import { defineConfig } from 'vite';

// Two builds from one config:
// - the demo site (index.html, examples/) served by `npm start` and built by `vite build`;
// - `vite build --mode lib`: one ES module (dist-lib/twinby.js) plus worker files, for <script type="module">.
export default defineConfig(({ mode }) => {
  if (mode === 'lib') {
    return {
      build: {
        outDir: 'dist-lib',
        emptyOutDir: true,
        sourcemap: true,
        lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'twinby.js' },
      },
      worker: { format: 'es' },
    };
  }
  return {
    server: { host: '127.0.0.1', port: 5173, strictPort: false },
    preview: { host: '127.0.0.1' },
    build: {
      outDir: 'dist',
      sourcemap: true,
      rollupOptions: { input: { main: 'index.html' } },
    },
    worker: { format: 'es' },
  };
});
