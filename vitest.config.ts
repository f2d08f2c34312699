import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { aliases } from './aliases.ts';

// One project per environment (CONVENTIONS.md 9): pure/Node code, and renderer code that needs a DOM.
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    // vitest's default (one worker fewer than the cores) is a single worker on a 2-core CI machine, where much of
    // a file's time is spent waiting on sockets, databases and timers: two workers at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        resolve: { alias: aliases },
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'sync/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/contract/**/*.test.ts',
            'test/support/**/*.test.ts',
            'test/bench/**/*.test.ts',
            'electron/**/*.test.ts',
            'build/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        resolve: { alias: aliases },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['renderer/src/test-setup.ts'],
        },
      },
    ],
  },
});
