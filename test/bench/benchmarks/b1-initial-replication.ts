import { writeFileSync } from 'node:fs';
import { median } from '../stats';
import { launchBrowser } from '../support/browser';
import { startSeededServer } from '../support/sync-server';
import type { Benchmark, MetricResult } from '../types';

interface Timed {
  docs: number;
  ms: number;
  docsPerSec: number;
}

/**
 * B1: initial replication of a whole data set into a fresh client (RxDB on Dexie in Chromium, the real sync
 * engine over a WebSocket) from a local sync server, against the same run's raw Dexie bulkPut of the same
 * documents into the same table layout. Reported: replication throughput ÷ raw Dexie throughput.
 *
 * What bounds it (measured 2026-12-02, CPU profiles via B1_CPU_PROFILE): RxDB's downstream keeps every pulled
 * document twice (the document, and its "assumed master state" in the replication meta store, which pushes
 * need for three-way merges; RxDB skips it only for pull-only replications), so the raw `replica` layout
 * (ceilingRatio, ≈ 0.5–0.6 here) is the ceiling. Per document RxDB also reads 4 keys from IndexedDB (fork
 * and meta state before writing, and each bulkWrite's own conflict check), and Chromium's IndexedDB backend
 * (browser process, ~90 % of a core during the run) is the bottleneck, not the page's main thread (idle a
 * third of the time) nor the server (its pulls cost ~9 s of CPU for set M).
 */
export const b1InitialReplication: Benchmark = {
  id: 'B1',
  title: 'initial replication vs raw Dexie bulkPut',
  needs: ['chromium', 'server'],
  async run(ctx) {
    const seeded = await startSeededServer(ctx, { name: `set-${ctx.set}`, size: ctx.set });
    const browser = await launchBrowser(ctx, null);
    try {
      const adminEmail =
        seeded.members.find((m) => m.kind === 'user' && m.role === 'admin')?.email ?? '';
      const page = await browser.benchPage();
      const ratios: number[] = [];
      const replication: Timed[] = [];
      const rawIndexed: Timed[] = [];
      const rawPlain: Timed[] = [];
      const rawReplica: Timed[] = [];
      const usable: number[] = [];
      for (let run = 0; run < ctx.runs; run++) {
        const write = async (layout: 'indexed' | 'plain' | 'replica'): Promise<Timed> => {
          const result = await page.evaluate((o) => window.__bench.rawDexieWrite(o), {
            size: ctx.set,
            workspaceId: seeded.workspaceId,
            layout,
          });
          ctx.log(
            `  run ${run + 1}: raw Dexie ${layout}: ${result.docs} docs in ${(result.ms / 1000).toFixed(1)} s`,
          );
          return result;
        };
        const raw = await write('indexed');
        // The primary-key-only floor and the replica layout (the ceiling) are information, not part of the
        // target. On set L each layout takes 10–40+ minutes (IndexedDB slows as the origin grows), so only the
        // reference is written there; the ceiling is the one measured on M.
        const plain = ctx.set === 'L' ? null : await write('plain');
        const doubled = ctx.set === 'L' ? null : await write('replica');
        // B1_CPU_PROFILE=file.cpuprofile: a Chromium CPU profile of the replication (for finding where time goes).
        const profilePath = process.env.B1_CPU_PROFILE;
        const cdp = profilePath ? await page.context().newCDPSession(page) : null;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
          await cdp.send('Profiler.start');
        }
        // Signed in just before replicating: access tokens live 15 minutes, and on set L the reference alone
        // takes ~10 (before, the replication of an L run could start with an expired token and wait forever).
        const admin = await seeded.login(adminEmail);
        const replicated = await page.evaluate((o) => window.__bench.replicate(o), {
          serverUrl: seeded.server.url,
          accessToken: admin.accessToken,
          workspaceId: seeded.workspaceId,
          userId: admin.user.id,
        });
        if (cdp && profilePath) {
          const { profile } = await cdp.send('Profiler.stop');
          writeFileSync(profilePath, JSON.stringify(profile));
          await cdp.detach();
        }
        if (replicated.docs !== seeded.documents)
          throw new Error(`replicated ${replicated.docs} of ${seeded.documents} documents`);
        rawIndexed.push(raw);
        if (plain) rawPlain.push(plain);
        if (doubled) rawReplica.push(doubled);
        replication.push(replicated);
        if (replicated.usableMs !== null) usable.push(replicated.usableMs);
        ratios.push(replicated.docsPerSec / raw.docsPerSec);
        ctx.log(
          `  run ${run + 1}: replication ${replicated.docs} docs in ${(replicated.ms / 1000).toFixed(1)} s (${Math.round(replicated.docsPerSec)}/s); raw Dexie indexed ${Math.round(raw.docsPerSec)}/s${plain ? `, plain ${Math.round(plain.docsPerSec)}/s` : ''}${doubled ? `, documents + replication copies ${Math.round(doubled.docsPerSec)}/s` : ''}`,
        );
      }
      const med = (xs: Timed[]) => Math.round(median(xs.map((x) => x.docsPerSec)));
      const metrics: MetricResult[] = [
        {
          id: 'B1',
          label: 'initial replication ÷ raw Dexie bulkPut (same docs, same indexes)',
          value: median(ratios),
          unit: '×',
          target: 0.8,
          kind: 'min',
          runs: ratios,
          set: ctx.set,
          detail: {
            documents: seeded.documents,
            replicationDocsPerSec: med(replication),
            replicationSeconds: median(replication.map((r) => r.ms / 1000)),
            rawIndexedDocsPerSec: med(rawIndexed),
            rawPlainDocsPerSec: rawPlain.length ? med(rawPlain) : null,
            // The floor of RxDB's replication protocol on Dexie: each pulled document is also stored in full in
            // the replication meta store (its "assumed master state", needed for three-way merges on push).
            rawWithReplicationCopyDocsPerSec: rawReplica.length ? med(rawReplica) : null,
            ceilingRatio: rawReplica.length
              ? median(rawReplica.map((r, i) => r.docsPerSec / rawIndexed[i].docsPerSec))
              : null,
            ratioToPlain: rawPlain.length
              ? median(replication.map((r, i) => r.docsPerSec / rawPlain[i].docsPerSec))
              : null,
          },
        },
        ...(usable.length > 0
          ? [
              {
                id: 'B1.usable',
                label:
                  'fresh replica: time until members, settings, accounts, contacts and deals are in (the rest downloads on)',
                value: median(usable),
                unit: 'ms',
                target: ctx.set === 'L' ? 30_000 : null,
                kind: 'max' as const,
                runs: usable.map((ms) => Math.round(ms)),
                set: ctx.set,
              },
            ]
          : []),
        {
          id: 'B1.throughput',
          label: 'initial replication throughput',
          value: med(replication),
          unit: 'docs/s',
          target: null,
          kind: 'min',
          runs: replication.map((r) => Math.round(r.docsPerSec)),
          set: ctx.set,
        },
      ];
      return metrics;
    } finally {
      await browser.close();
      await seeded.stop();
    }
  },
};
