import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { aliases } from './aliases.ts';
import { cspMetaPlugin } from './build/csp-meta-plugin.ts';

// The renderer as a plain web app: same sources as the Electron renderer, served by `npm run web`.
// Without the preload bridge the renderer falls back to browser implementations (renderer/src/platform).
export default defineConfig({
  root: 'renderer',
  base: './',
  resolve: { alias: aliases },
  plugins: [react(), cspMetaPlugin()],
  build: { outDir: '../out/web', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
