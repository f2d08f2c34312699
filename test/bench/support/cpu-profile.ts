import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * A Chrome CPU profile of one measured step, written when BENCH_CPU_PROFILE names a folder (open the
 * `.cpuprofile` in Chrome DevTools' Performance panel, or summarise it with scripts/cpu-profile-summary.ts).
 * Without the variable the step runs unprofiled: profiling slows the page, so measured runs never have it.
 */
export async function profiled<T>(page: Page, name: string, step: () => Promise<T>): Promise<T> {
  if (process.env.BENCH_TRACE) return traced(page, process.env.BENCH_TRACE, name, step);
  const folder = process.env.BENCH_CPU_PROFILE;
  if (!folder) return step();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await step();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}

/**
 * A Chrome performance trace of one step (BENCH_TRACE names a folder): style, layout, paint and script as the
 * Performance panel shows them, for time the CPU profile only calls "(program)". Open it in DevTools.
 */
async function traced<T>(
  page: Page,
  folder: string,
  name: string,
  step: () => Promise<T>,
): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const events: unknown[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'blink.user_timing',
      ],
    },
    transferMode: 'ReportEvents',
  });
  try {
    return await step();
  } finally {
    await cdp.send('Tracing.end');
    await done;
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${name}.trace.json`), JSON.stringify({ traceEvents: events }));
    await cdp.detach();
  }
}
