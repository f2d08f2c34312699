import { describe, expect, it } from 'vitest';
import type { InboxMark } from '../../shared/domain';
import { inboxItemKey, inboxMarkId } from '../../shared/rules';
import { personalTeamId, RejectReason } from '../../shared/sync';
import { api, engineName, eventually, useTestServer } from './support/harness';

/**
 * Inbox marks (issue 18): what a person did with an inbox item is synced to their other laptops and to nobody
 * else — the mark lives in the person's personal team, which only their scope holds — and nobody writes a mark
 * for someone else. Real server, real sockets.
 */
describe(`inbox marks are personal and synced (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['inbox_marks'] });

  const key = (leadId: string) =>
    inboxItemKey('leadNoActivity', 'leads', leadId, Date.UTC(2026, 11, 1));

  it("a rep's mark from laptop A arrives on laptop B, and never on the manager's or a teammate's", async () => {
    const team = await env.createTeam('华东销售一组');
    const rep = await env.addUser('rep', team, 'marks-rep');
    const teammate = await env.addUser('rep', team, 'marks-teammate');
    const manager = await env.addUser('manager', team, 'marks-manager');
    const laptopA = await env.connect(rep, { synced: true });
    const laptopB = await env.connect(rep, { synced: true });

    const itemKey = key('lead-a');
    await laptopA.repos.inbox_marks.mark(itemKey, 'dismissed');
    const id = inboxMarkId(rep.user.id, itemKey);
    await eventually(async () =>
      expect(await laptopB.repos.inbox_marks.get(id)).toMatchObject({
        itemKey,
        state: 'dismissed',
        ownerId: rep.user.id,
        teamId: personalTeamId(rep.user.id),
      }),
    );
    // Snoozed on B: A follows (one record, same id, merged).
    const until = Date.now() + 3_600_000;
    await laptopB.repos.inbox_marks.mark(itemKey, 'snoozed', until);
    await eventually(async () =>
      expect(await laptopA.repos.inbox_marks.get(id)).toMatchObject({
        state: 'snoozed',
        snoozedUntil: until,
      }),
    );
    expect(laptopA.rejections).toEqual([]);
    expect(laptopB.rejections).toEqual([]);

    // The others pull everything they may see (awaitInSync) and hold their own marks only.
    const others = [teammate, manager];
    for (const other of others) {
      const laptop = await env.connect(other, { synced: true });
      await laptop.repos.inbox_marks.mark(key('lead-own'), 'done');
      await laptop.engine.awaitInSync();
      const all = (await laptop.db.inbox_marks.find().exec()).map((d) => d.toJSON() as InboxMark);
      expect(all.map((m) => m.ownerId)).toEqual([other.user.id]);
      // Nor over REST.
      const read = await api(
        env.server,
        'GET',
        `/api/records/inbox_marks/${id}`,
        undefined,
        other.accessToken,
      );
      expect(read.status).toBe(404);
    }
    // Their marks did not reach the rep either.
    await laptopA.engine.awaitInSync();
    const mine = (await laptopA.db.inbox_marks.find().exec()).map((d) => d.toJSON() as InboxMark);
    expect(mine.map((m) => m.id)).toEqual([id]);
  });

  it('rejects a forged mark for someone else, over the socket and over REST', async () => {
    const team = await env.createTeam('华南销售组');
    const rep = await env.addUser('rep', team, 'forger');
    const victim = await env.addUser('rep', team, 'victim');
    const laptop = await env.connect(rep, { synced: true });

    const itemKey = key('lead-forged');
    const forged = await laptop.repos.inbox_marks.create({
      id: inboxMarkId(victim.user.id, itemKey),
      ownerId: victim.user.id,
      teamId: personalTeamId(victim.user.id),
      itemKey,
      state: 'dismissed',
      snoozedUntil: 0,
    });
    // A mark of one's own but moved into the team is refused too.
    const moved = await laptop.repos.inbox_marks.create({
      id: inboxMarkId(rep.user.id, itemKey),
      ownerId: rep.user.id,
      teamId: team,
      itemKey,
      state: 'done',
      snoozedUntil: 0,
    });
    await eventually(() =>
      expect(laptop.rejections.map((r) => [r.id, r.reason]).sort()).toEqual(
        [
          [forged.id, RejectReason.personal],
          [moved.id, RejectReason.personal],
        ].sort(),
      ),
    );
    const victimLaptop = await env.connect(victim, { synced: true });
    expect(await victimLaptop.db.inbox_marks.count().exec()).toBe(0);

    // Even an admin cannot write someone's marks over REST.
    const post = await api<{ error: { code: string } }>(
      env.server,
      'POST',
      '/api/records/inbox_marks',
      {
        id: inboxMarkId(victim.user.id, key('lead-rest')),
        ownerId: victim.user.id,
        teamId: personalTeamId(victim.user.id),
        itemKey: key('lead-rest'),
        state: 'dismissed',
        snoozedUntil: 0,
      },
      env.admin.accessToken,
    );
    expect([post.status, post.body.error.code]).toEqual([403, RejectReason.personal]);
  });
});
