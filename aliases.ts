import { fileURLToPath } from 'node:url';

/** Path aliases shared by electron-vite, the web build and vitest (mirrors tsconfig "paths"). */
export const aliases = {
  '@shared': fileURLToPath(new URL('./shared', import.meta.url)),
  '@renderer': fileURLToPath(new URL('./renderer/src', import.meta.url)),
  '@sync': fileURLToPath(new URL('./sync', import.meta.url)),
};
