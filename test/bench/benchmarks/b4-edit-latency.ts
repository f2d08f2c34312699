import { filter, firstValueFrom } from 'rxjs';
import type { Account } from '@shared/domain';
import { connectClient, eventually, type TestClient } from '../../integration/support/harness';
import { median, percentile } from '../stats';
import { startSeededServer } from '../support/sync-server';
import type { Benchmark, MetricResult } from '../types';

const EDITS = 100;
/** Pause between edits: one person typing and saving, not a bulk import. */
const GAP_MS = 40;

/**
 * B4: an edit saved on client A appears in client B's replica, through the real sync server on loopback
 * (each client: an RxDB replica + the real sync engine over a WebSocket, as in the integration tests).
 * Measured from A's write to the moment B's replica emits the new state.
 */
export const b4EditLatency: Benchmark = {
  id: 'B4',
  title: 'edit on client A visible on client B (loopback)',
  needs: ['server'],
  async run(ctx) {
    const seeded = await startSeededServer(ctx, { name: 'set-S', size: 'S' });
    const clients: TestClient[] = [];
    try {
      const email =
        seeded.members.find((m) => m.kind === 'user' && m.role === 'admin')?.email ?? '';
      const [sessionA, sessionB] = [await seeded.login(email), await seeded.login(email)];
      const a = await connectClient(seeded.server, sessionA, { collections: ['accounts'] });
      clients.push(a);
      const b = await connectClient(seeded.server, sessionB, { collections: ['accounts'] });
      clients.push(b);
      await eventually(async () => {
        await a.engine.awaitInSync();
        await b.engine.awaitInSync();
        if ((await b.db.accounts.count().exec()) < 1000) throw new Error('B not loaded yet');
      }, 120_000);
      const accounts = await a.repos.accounts.find({ selector: { deleted: false }, limit: EDITS });
      const p50s: number[] = [];
      const p95s: number[] = [];
      for (let run = 0; run < ctx.runs; run++) {
        const samples: number[] = [];
        for (let i = 0; i < EDITS; i++) {
          const target = accounts[i % accounts.length];
          const phone = `021-${String(run * EDITS + i).padStart(8, '0')}`;
          const seen = firstValueFrom(
            b.db.accounts.eventBulks$.pipe(
              filter((bulk) =>
                bulk.events.some(
                  (e) =>
                    e.documentId === target.id &&
                    (e.documentData as unknown as Account).phone === phone,
                ),
              ),
            ),
          );
          const started = performance.now();
          await a.repos.accounts.update(target.id, { phone });
          await seen;
          samples.push(performance.now() - started);
          await new Promise((r) => setTimeout(r, GAP_MS));
        }
        p50s.push(percentile(samples, 50));
        p95s.push(percentile(samples, 95));
        ctx.log(
          `  run ${run + 1}: ${EDITS} edits, p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`,
        );
      }
      const metrics: MetricResult[] = [
        {
          id: 'B4.p50',
          label: 'edit A → visible on B, p50',
          value: median(p50s),
          unit: 'ms',
          target: 30,
          kind: 'max',
          runs: p50s,
          set: 'S',
          detail: { edits: EDITS, gapMs: GAP_MS },
        },
        {
          id: 'B4.p95',
          label: 'edit A → visible on B, p95',
          value: median(p95s),
          unit: 'ms',
          target: 100,
          kind: 'max',
          runs: p95s,
          set: 'S',
        },
      ];
      return metrics;
    } finally {
      for (const client of clients) await client.close().catch(() => undefined);
      await seeded.stop();
    }
  },
};
