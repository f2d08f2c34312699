import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { aliases } from './aliases';

// electron-vite builds the three parts of the desktop app; the renderer is the same code the web build uses
// (vite.web.config.ts), so every journey tested in Chromium runs the renderer the desktop app ships.
export default defineConfig({
  main: {
    resolve: { alias: aliases },
    build: { rollupOptions: { input: { index: resolve('electron/main/index.ts') } } },
  },
  preload: {
    resolve: { alias: aliases },
    build: { rollupOptions: { input: { index: resolve('electron/preload/index.ts') } } },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias: aliases },
    plugins: [react()],
    build: { rollupOptions: { input: { index: resolve('renderer/index.html') } } },
  },
});
