import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { aliases } from './aliases.ts';
import { cspMetaPlugin } from './build/csp-meta-plugin.ts';

// electron-vite builds the three parts of the desktop app; the renderer is the same code the web build uses
// (vite.web.config.ts), so every journey tested in Chromium runs the renderer the desktop app ships.
export default defineConfig({
  main: {
    resolve: { alias: aliases },
    build: { rollupOptions: { input: { index: resolve('electron/main/index.ts') } } },
  },
  preload: {
    resolve: { alias: aliases },
    // Sandboxed preload scripts cannot be ES modules (https://www.electronjs.org/docs/latest/tutorial/esm#preload-scripts)
    // nor require() anything but a few Electron modules, and "type": "module" would make electron-vite emit
    // index.mjs: force one self-contained CommonJS file, out/preload/index.cjs.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias: aliases },
    plugins: [react(), cspMetaPlugin()],
    build: { rollupOptions: { input: { index: resolve('renderer/index.html') } } },
  },
});
