import { defineConfig } from 'vite';
import { aliases } from './aliases.ts';

// The benchmark page (test/bench/page) as its own build in out/bench, so the app bundle is untouched.
// scripts/bench.ts serves it beside out/web on one origin and drives it with Playwright.
export default defineConfig({
  root: 'test/bench/page',
  base: './',
  resolve: { alias: aliases },
  // Not minified: profiles of benchmark runs stay readable (V8 runs minified and plain code alike).
  build: {
    outDir: '../../../out/bench',
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    minify: false,
  },
  logLevel: 'warn',
});
