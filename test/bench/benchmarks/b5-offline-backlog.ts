import { filter, firstValueFrom } from 'rxjs';
import { connectClient, eventually, type TestClient } from '../../integration/support/harness';
import { median } from '../stats';
import { startSeededServer } from '../support/sync-server';
import type { Benchmark, MetricResult } from '../types';

/**
 * B5: a client that worked offline pushes its backlog after reconnecting: N edits to N different accounts
 * made while paused, then timed from reconnect until the server acknowledged every one (the engine's
 * pending count is back to 0). Runs against a server holding set M (10,000 accounts).
 */
export const b5OfflineBacklog: Benchmark = {
  id: 'B5',
  title: 'offline backlog pushed and acknowledged after reconnect',
  needs: ['server'],
  async run(ctx) {
    const seeded = await startSeededServer(ctx, { name: 'set-M', size: 'M' });
    let client: TestClient | null = null;
    try {
      const email =
        seeded.members.find((m) => m.kind === 'user' && m.role === 'admin')?.email ?? '';
      client = await connectClient(seeded.server, await seeded.login(email), {
        collections: ['accounts'],
      });
      const c = client;
      await eventually(async () => {
        await c.engine.awaitInSync();
        if ((await c.db.accounts.count().exec()) < 10_000)
          throw new Error('initial download not finished');
      }, 300_000);
      const accounts = await c.repos.accounts.find({ selector: { deleted: false }, limit: 10_000 });
      const metrics: MetricResult[] = [];
      const invocation = Date.now().toString(36);
      for (const [size, target] of [
        [1_000, 3],
        [10_000, 20],
      ] as const) {
        const seconds: number[] = [];
        for (let run = 0; run < ctx.runs; run++) {
          c.engine.pause();
          await eventually(() => {
            if (c.engine.status$.value.connection !== 'offline') throw new Error('still online');
          });
          for (let i = 0; i < size; i++) {
            const account = accounts[i % accounts.length];
            // A new value every time, also against a server database kept from an earlier invocation: a save
            // that changes nothing is not an edit waiting to sync.
            await c.repos.accounts.update(account.id, {
              notes: `offline edit ${invocation}-${size}-${run}-${i}`,
            });
          }
          if (c.engine.pendingCount < size)
            throw new Error(`expected ${size} pending, got ${c.engine.pendingCount}`);
          const done = firstValueFrom(c.engine.status$.pipe(filter((s) => s.pending === 0)));
          const started = performance.now();
          c.engine.resume();
          await done;
          const elapsed = (performance.now() - started) / 1000;
          seconds.push(elapsed);
          ctx.log(
            `  ${size} edits: acknowledged ${elapsed.toFixed(2)} s after reconnect (${Math.round(size / elapsed)} edits/s)`,
          );
          if (c.rejections.length > 0)
            throw new Error(`${c.rejections.length} edits were rejected`);
          await c.engine.awaitInSync();
        }
        metrics.push({
          id: `B5.${size / 1000}k`,
          label: `offline backlog of ${size.toLocaleString('en')} edits acknowledged`,
          value: median(seconds),
          unit: 's',
          target,
          kind: 'max',
          runs: seconds,
          set: 'M',
          detail: { editsPerSecond: Math.round(size / median(seconds)) },
        });
      }
      return metrics;
    } finally {
      await client?.close().catch(() => undefined);
      await seeded.stop();
    }
  },
};
