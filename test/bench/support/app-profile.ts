import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SampleSizeName } from '@shared/sample-data';
import { launchBrowser, type BenchBrowser } from './browser';
import type { BenchContext } from '../types';

/** Changes with the generator and the replica's schema: a profile seeded from other data is rebuilt. */
function fingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const dir of ['shared/sample-data', 'shared/domain']) {
    for (const file of readdirSync(join(root, dir)).sort())
      if (file.endsWith('.ts') && !file.endsWith('.test.ts'))
        hash.update(readFileSync(join(root, dir, file)));
  }
  // How the seeding writes (the sample loader, the last-activity back-fill after it).
  for (const file of ['sample-data-loader.ts', 'last-activity-backfill.ts'])
    hash.update(readFileSync(join(root, 'renderer/src/data/services', file)));
  return hash.digest('hex').slice(0, 12);
}

export function appProfileName(ctx: BenchContext, set: SampleSizeName): string {
  return `app-${set}-${fingerprint(ctx.root)}`;
}

/**
 * A Chromium profile whose IndexedDB holds the app's local workspace with a whole data set, seeded once
 * through the app's own code (openWorkspace + the sample-data loader: RxDB bulkInsert in batches, the search
 * index built from the change stream) and reused by later runs. Before returning it opens the workspace
 * once more and waits for the search index to catch up and save its snapshot, so the measured runs start
 * from the steady state a returning user has.
 */
export async function ensureAppProfile(ctx: BenchContext, set: SampleSizeName): Promise<string> {
  const profile = appProfileName(ctx, set);
  const dir = join(ctx.workDir, 'profiles', profile);
  const marker = join(dir, 'bench-seeded.json');
  let browser: BenchBrowser | null = null;
  try {
    if (!existsSync(marker)) {
      rmSync(dir, { recursive: true, force: true });
      ctx.log(
        `  seeding the app's replica with set ${set} in a Chromium profile (once per data set) …`,
      );
      browser = await launchBrowser(ctx, profile);
      const page = await browser.benchPage();
      const seeded = await page.evaluate((size) => window.__bench.seedAppReplica({ size }), set);
      ctx.log(
        `  seeded ${seeded.docs} documents in ${(seeded.ms / 1000).toFixed(1)} s (RxDB bulkInsert ${Math.round(seeded.docsPerSec)} docs/s)`,
      );
      writeFileSync(
        marker,
        JSON.stringify({ set, documents: seeded.docs, seededInMs: Math.round(seeded.ms) }),
      );
      await browser.close();
      browser = null;
    }
    browser = await launchBrowser(ctx, profile);
    const page = await browser.benchPage();
    const started = performance.now();
    await page.evaluate(() => window.__bench.openApp());
    const stats = await page.evaluate(() => window.__bench.settleSearch());
    await page.evaluate(() => window.__bench.closeApp());
    const seconds = (performance.now() - started) / 1000;
    if (seconds > 5)
      ctx.log(
        `  search index caught up and saved in ${seconds.toFixed(1)} s: ${JSON.stringify(stats)}`,
      );
    return profile;
  } finally {
    await browser?.close();
  }
}
