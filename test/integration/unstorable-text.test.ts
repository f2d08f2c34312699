import { describe, expect, it } from 'vitest';
import { RejectReason } from '../../shared/sync';
import { ValidationMessage } from '../../shared/validation';
import { buildAccount, withMeta } from '../support/factories';
import { engineName, eventually, useTestServer } from './support/harness';

/**
 * Text PostgreSQL and PGlite cannot store (a NUL, a lone surrogate) in one row of a push: that row is rejected
 * with the field named and lands in the sender's inbox; the other rows of the same push are stored. Before, the
 * whole push failed as `server_error` and the client retried it forever.
 */
describe(
  `a push holding text the database cannot store (${engineName})`,
  { timeout: 30_000 },
  () => {
    const env = useTestServer({ collections: ['accounts'] });

    it.each([
      ['a NUL character', '坏名字\u0000有限公司'],
      ['a lone surrogate', '坏名字 \ud83d 有限公司'],
    ])('stores the good rows and rejects the one whose name holds %s', async (_, badName) => {
      const { admin } = env;
      const account = (name: string) =>
        withMeta(buildAccount({ name }), {
          id: crypto.randomUUID(),
          workspaceId: admin.workspace.id,
          by: admin.user.id,
          teamId: admin.user.teamIds[0] ?? '',
          at: Date.now(),
        });
      const first = account('上海前一行有限公司');
      const bad = account(badName);
      const last = account('上海后一行有限公司');

      // Written offline, so the three rows go up together in the engine's first push.
      const sender = await env.connect(admin, { start: false });
      await sender.db.accounts.bulkInsert([first, bad, last]);
      await sender.engine.start();

      await eventually(() => expect(sender.rejections.map((r) => r.id)).toContain(bad.id));
      const rejection = sender.rejections.find((r) => r.id === bad.id)!;
      expect(rejection.reason).toBe(RejectReason.validation);
      expect(rejection.issues).toEqual([
        { path: 'name', message: ValidationMessage.unstorableText },
      ]);
      // What was typed comes back as typed, so the inbox can show it.
      expect(rejection.attempted.name).toBe(badName);
      expect(sender.rejections.map((r) => r.id)).toEqual([bad.id]);

      // Another laptop pulls the two good rows, and nothing of the bad one.
      const reader = await env.connect(admin, { synced: true });
      expect((await reader.repos.accounts.get(first.id))?.name).toBe(first.name);
      expect((await reader.repos.accounts.get(last.id))?.name).toBe(last.name);
      expect(await reader.repos.accounts.get(bad.id)).toBeNull();
      // And the sender is not left retrying the push.
      await sender.engine.awaitInSync();
    });
  },
);
