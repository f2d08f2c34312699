import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * A Chrome CPU profile of one measured step, written when BENCH_CPU_PROFILE names a folder (open the
 * `.cpuprofile` in Chrome DevTools' Performance panel, or summarise it with scripts/cpu-profile-summary.ts).
 * Without the variable the step runs unprofiled: profiling slows the page, so measured runs never have it.
 */
export async function profiled<T>(page: Page, name: string, step: () => Promise<T>): Promise<T> {
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
