import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  // Relative asset URLs: dist/ works from any folder of a static server.
  base: './',
  // The dataset is the repository's own copy, served (and copied into dist/) as
  // /report-2022.json. In your app, put your JSON in public/ instead.
  publicDir: fileURLToPath(new URL('../../www/data', import.meta.url)),
  // Dev server only: pre-bundling would move the package's JS away from its .wasm, which it
  // finds with new URL('indicator_chart_bg.wasm', import.meta.url). `vite build` needs nothing.
  optimizeDeps: { exclude: ['indicator-chart'] },
});
