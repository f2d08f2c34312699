import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain';
import { buildAccount } from '../support/factories';
import { engineName, eventually, useTestServer, type TestClient } from './support/harness';

type Patch = Partial<Pick<Account, 'name' | 'phone' | 'website' | 'address' | 'notes' | 'tags'>>;

interface HistoryRow {
  seq: number;
  user_id: string;
  field: string;
  old_value: unknown;
  new_value: unknown;
  kind: string;
}

/**
 * Two or three people editing the SAME record at the same moment (sync/README.md, "The merge rule"): the same
 * field, different fields, and a second edit made while the client's own push of the first is still out, round
 * after round. Real server, real sockets, real RxDB replicas. After each round everyone must hold exactly what
 * the server stored, field by field; edits of different fields are all kept; for one field, the write that
 * reached the server last wins and every value it overwrote is in the record's history as a `merge`.
 */
describe(
  `one record edited by several clients at once (${engineName})`,
  { timeout: 240_000 },
  () => {
    const ROUNDS = 4;
    const env = useTestServer({ collections: ['accounts'] });
    let team: string;
    const clients: TestClient[] = [];

    beforeAll(async () => {
      team = await env.createTeam('同记录并发组');
      for (let i = 0; i < 3; i++) {
        const session = await env.addUser('rep', team, `same-record-${i}`);
        clients.push(await env.connect(session, { synced: true }));
      }
    }, 120_000);

    const stored = async (id: string): Promise<Record<string, unknown>> => {
      const [row] = await env.server.sql.query<{ data: Record<string, unknown>; deleted: boolean }>(
        `SELECT data, deleted FROM records WHERE workspace_id = $1 AND collection = 'accounts' AND id = $2`,
        [env.admin.workspace.id, id],
      );
      expect(row?.deleted).toBe(false);
      return row.data;
    };

    const historyOf = async (id: string, field: string): Promise<HistoryRow[]> =>
      (
        await env.server.sql.query<HistoryRow>(
          `SELECT seq::float8 AS seq, user_id, field, old_value, new_value, kind FROM record_history
        WHERE workspace_id = $1 AND collection = 'accounts' AND record_id = $2 AND field = $3 ORDER BY seq, id`,
          [env.admin.workspace.id, id, field],
        )
      ).map((row) => ({ ...row, seq: Number(row.seq) }));

    /** The entity fields of a replica's copy (no replication bookkeeping). */
    const replicaOf = async (
      client: TestClient,
      id: string,
    ): Promise<Record<string, unknown> | null> => {
      const doc = await client.db.collections.accounts.findOne(id).exec();
      if (!doc) return null;
      return Object.fromEntries(
        Object.entries(doc.toJSON() as Record<string, unknown>).filter(
          ([key]) => !key.startsWith('_'),
        ),
      );
    };

    /**
     * Waits until every client has pushed and pulled what it knows of, then until every replica equals the
     * server's stored state field by field. A replica that kept its own overwritten state never gets there.
     */
    const expectConverged = async (id: string): Promise<Record<string, unknown>> => {
      await Promise.all(clients.map((client) => client.engine.awaitInSync()));
      let expected: Record<string, unknown> = {};
      await eventually(async () => {
        expected = await stored(id);
        for (const [i, client] of clients.entries()) {
          expect({
            client: i,
            pending: client.engine.pendingCount,
            record: await replicaOf(client, id),
          }).toEqual({ client: i, pending: 0, record: expected });
        }
      }, 15_000);
      for (const client of clients) expect(client.rejections).toEqual([]);
      return expected;
    };

    /**
     * Edits `first`, then `second` while the push carrying `first` is out: the second edit is made when that push
     * is sent, and its reply reaches the engine only once the second edit is in the replica (as on a slower
     * network). Resolves when both edits are made and the push is answered.
     */
    const editWhileOwnPushInFlight = async (
      client: TestClient,
      id: string,
      first: Patch,
      second: Patch,
    ): Promise<void> => {
      const connection = client.engine.connection;
      const request = connection.request.bind(connection);
      let answered!: () => void;
      const done = new Promise<void>((resolve) => (answered = resolve));
      connection.request = (message) => {
        if (message.type !== 'push' || !message.rows.some((row) => row.newDocumentState.id === id))
          return request(message);
        connection.request = request;
        const reply = request(message);
        const edited = client.repos.accounts.update(id, second);
        return edited.then(() => reply).finally(answered);
      };
      try {
        await client.repos.accounts.update(id, first);
        await done;
      } finally {
        connection.request = request;
      }
    };

    /** The same-field rule: the last write of `field` to reach the server is stored; every other value of `candidates` is a merge loser. */
    const expectLastWriteWins = async (
      id: string,
      field: 'notes',
      candidates: { value: string; userId: string }[],
      since: number,
    ): Promise<string> => {
      const record = await stored(id);
      const history = (await historyOf(id, field)).filter((row) => row.seq > since);
      const changes = history.filter((row) => row.kind === 'change');
      const last = changes[changes.length - 1];
      expect(last?.new_value).toBe(record[field]);
      expect(candidates.map((c) => c.value)).toContain(record[field]);
      const winner = candidates.find((c) => c.value === record[field])!;
      expect(last.user_id).toBe(winner.userId);
      for (const loser of candidates.filter((c) => c !== winner)) {
        expect(
          history.filter(
            (row) =>
              row.kind === 'merge' && row.old_value === loser.value && row.user_id === loser.userId,
          ),
        ).toHaveLength(1);
      }
      return String(record[field]);
    };

    const maxSeq = async (id: string): Promise<number> => {
      const [row] = await env.server.sql.query<{ seq: number | null }>(
        `SELECT max(seq)::float8 AS seq FROM record_history WHERE workspace_id = $1 AND collection = 'accounts' AND record_id = $2`,
        [env.admin.workspace.id, id],
      );
      return Number(row?.seq ?? 0);
    };

    const createShared = async (name: string): Promise<string> => {
      const account = await clients[0].repos.accounts.create(
        buildAccount({ name: name, teamId: team }),
      );
      await eventually(async () => {
        for (const client of clients)
          expect(await client.repos.accounts.get(account.id)).not.toBeNull();
      });
      await expectConverged(account.id);
      return account.id;
    };

    it('converges when everyone writes the same field at once: the last write to reach the server wins, the others are merges in history', async () => {
      const id = await createShared('上海同字段并发有限公司');
      for (let round = 0; round < ROUNDS; round++) {
        const since = await maxSeq(id);
        const candidates = clients.map((client, i) => ({
          value: `第${round}轮 客户端${i} 的备注`,
          userId: client.session.user.id,
        }));
        await Promise.all(
          clients.map((client, i) =>
            client.repos.accounts.update(id, { notes: candidates[i].value }),
          ),
        );
        await expectConverged(id);
        await expectLastWriteWins(id, 'notes', candidates, since);
      }
    });

    it('converges and keeps every edit when each writes a different field at once', async () => {
      const id = await createShared('南京异字段并发有限公司');
      for (let round = 0; round < ROUNDS; round++) {
        const patches: Patch[] = [
          { phone: `025-${round}000` },
          { website: `https://r${round}.example.cn` },
          { address: `南京市第${round}街` },
        ];
        await Promise.all(clients.map((client, i) => client.repos.accounts.update(id, patches[i])));
        const record = await expectConverged(id);
        for (const patch of patches) expect(record).toMatchObject(patch);
      }
    });

    it('converges and keeps every edit when each edits again (another field) while its own push is in flight', async () => {
      const id = await createShared('杭州在途编辑有限公司');
      for (let round = 0; round < ROUNDS; round++) {
        const first: Patch[] = [
          { phone: `0571-${round}1` },
          { website: `https://w${round}.example.cn` },
          { address: `杭州市第${round}路` },
        ];
        const second: Patch[] = [
          { notes: `第${round}轮 在途备注` },
          { tags: [`第${round}轮`] },
          { name: `杭州在途编辑有限公司${round}` },
        ];
        await Promise.all(
          clients.map((client, i) => editWhileOwnPushInFlight(client, id, first[i], second[i])),
        );
        const record = await expectConverged(id);
        for (const patch of [...first, ...second]) expect(record).toMatchObject(patch);
      }
    });

    it('converges when everyone writes the same field twice, the second time while the first push is in flight, plus a field of their own', async () => {
      const id = await createShared('广州同字段在途有限公司');
      const own: (keyof Patch)[] = ['phone', 'website', 'address'];
      for (let round = 0; round < ROUNDS; round++) {
        const since = await maxSeq(id);
        const finals = clients.map((client, i) => ({
          value: `第${round}轮 客户端${i} 最后的备注`,
          userId: client.session.user.id,
        }));
        await Promise.all(
          clients.map((client, i) =>
            editWhileOwnPushInFlight(
              client,
              id,
              { notes: `第${round}轮 客户端${i} 先写的备注` },
              { notes: finals[i].value, [own[i]]: `第${round}轮-${i}` },
            ),
          ),
        );
        const record = await expectConverged(id);
        own.forEach((field, i) => expect(record[field]).toBe(`第${round}轮-${i}`));
        await expectLastWriteWins(id, 'notes', finals, since);
      }
    });

    it('keeps a later write of a field when the earlier writer edits again while its merged push is out', async () => {
      const id = await createShared('苏州合并在途有限公司');
      const [a, b] = clients;
      const connection = a.engine.connection;
      const request = connection.request.bind(connection);
      const sent: { assumedPhone: unknown; phone: unknown; notes: unknown }[] = [];
      connection.request = async (message) => {
        if (message.type !== 'push' || !message.rows.some((row) => row.newDocumentState.id === id))
          return request(message);
        const row = message.rows.find((r) => r.newDocumentState.id === id)!;
        sent.push({
          assumedPhone: row.assumedMasterState?.phone,
          phone: row.newDocumentState.phone,
          notes: row.newDocumentState.notes,
        });
        if (sent.length === 1) {
          // B's edit of another field reaches the server first: A's push is merged, its reply is a conflict.
          await b.repos.accounts.update(id, { website: 'https://b.example.cn' });
          await b.engine.awaitInSync();
          const reply = request(message);
          // A edits again while that push is out (its reply reaches the engine after the edit).
          await a.repos.accounts.update(id, { notes: 'A 在途时的第二次修改' });
          return reply;
        }
        if (sent.length === 2) {
          // B sees A's phone and changes it before A's next push arrives: B's is the last write of the phone.
          await eventually(async () =>
            expect((await b.repos.accounts.get(id))?.phone).toBe('0512-A'),
          );
          await b.repos.accounts.update(id, { phone: '0512-B' });
          await b.engine.awaitInSync();
        }
        return request(message);
      };
      try {
        await a.repos.accounts.update(id, { phone: '0512-A' });
        await eventually(() => expect(sent.length).toBeGreaterThanOrEqual(2));
        const record = await expectConverged(id);
        expect(record).toMatchObject({
          phone: '0512-B',
          website: 'https://b.example.cn',
          notes: 'A 在途时的第二次修改',
        });
        // A's second push did not claim the phone again: B's write of it is a plain change, nobody lost a merge.
        expect(sent[1]).toMatchObject({
          assumedPhone: '0512-A',
          phone: '0512-A',
          notes: 'A 在途时的第二次修改',
        });
        expect(
          (await historyOf(id, 'phone'))
            .filter((h) => h.kind !== 'create')
            .map((h) => `${h.kind}:${String(h.new_value)}`),
        ).toEqual(['change:0512-A', 'change:0512-B']);
      } finally {
        connection.request = request;
      }
    });

    it('converges when two clients trade edits of one record as fast as they can', async () => {
      const id = await createShared('成都快速往返有限公司');
      const [a, b] = clients;
      await Promise.all(
        [a, b].map(async (client, who) => {
          for (let i = 0; i < 12; i++) {
            await client.repos.accounts.update(
              id,
              who === 0
                ? { notes: `甲 ${i}`, phone: `028-${i}` }
                : { notes: `乙 ${i}`, website: `https://b${i}.example.cn` },
            );
            await new Promise((resolve) => setTimeout(resolve, 5 + ((i * 7) % 11)));
          }
        }),
      );
      const record = await expectConverged(id);
      expect(record).toMatchObject({ phone: '028-11', website: 'https://b11.example.cn' });
      expect(['甲 11', '乙 11']).toContain(record.notes);
    });
  },
);
