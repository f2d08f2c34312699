import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { generateSampleData } from '../../shared/sample-data';
import type { SessionResponse, WireDoc } from '../../shared/sync';
import { RecordStore } from '../../sync/server/records/record-store';
import { api, eventually, useTestServer } from './support/harness';

interface PullReply {
  type: string;
  id: number;
  documents: WireDoc[];
  checkpoint: { seq: number } | null;
  remaining: number;
}

/** A raw socket that pulls one collection page by page, as the engine's pull handler does. */
async function pullAll(
  server: { url: string },
  session: SessionResponse,
  batchSize: number,
): Promise<PullReply[]> {
  const socket = new WebSocket(
    `${server.url.replace('http', 'ws')}/sync?token=${session.accessToken}`,
  );
  const replies: PullReply[] = [];
  const waiters = new Map<number, (reply: PullReply) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse((data as Buffer).toString('utf8')) as PullReply;
    if (message.type === 'welcome') waiters.get(0)?.(message);
    else waiters.get(message.id)?.(message);
  });
  await new Promise<PullReply>((resolve) => waiters.set(0, resolve));
  let checkpoint: { seq: number } | null = null;
  for (let id = 1; ; id++) {
    const reply = new Promise<PullReply>((resolve) => waiters.set(id, resolve));
    socket.send(
      JSON.stringify({ type: 'pull', id, collection: 'accounts', checkpoint, batchSize }),
    );
    const page = await reply;
    expect(page.type).toBe('pull-result');
    replies.push(page);
    checkpoint = page.checkpoint;
    if (page.documents.length < batchSize) break;
  }
  socket.close();
  return replies;
}

/**
 * The initial download path (B1): pages of stored JSON spliced into the message without a parse, and
 * `remaining` counted once per download instead of once per page.
 */
describe('pulling a large collection page by page', { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['accounts'] });
  let rep: SessionResponse;
  let records: RecordStore;
  let deletedId: string;
  const perTeam = 1150;

  beforeAll(async () => {
    const teamA = await env.createTeam('华东');
    const teamB = await env.createTeam('华南');
    rep = await env.addUser('rep', teamA, 'rep-east');
    records = new RecordStore(env.server.sql, env.server.bus);
    const data = generateSampleData({
      size: { accounts: perTeam * 2 },
      workspaceId: env.admin.workspace.id,
      now: Date.UTC(2026, 0, 15),
      seed: 3,
    });
    const accounts = [...data.records('accounts')].map((a, i) => ({
      ...a,
      teamId: i % 2 === 0 ? teamA : teamB,
      ownerId: i % 2 === 0 ? rep.user.id : env.admin.user.id,
    }));
    await records.bulkUpsert(env.admin.workspace.id, 'accounts', accounts);
    deletedId = accounts[4].id;
    await env.server.sql.query(
      `UPDATE records SET deleted = true, seq = nextval('record_seq') WHERE workspace_id = $1 AND collection = 'accounts' AND id = $2`,
      [env.admin.workspace.id, deletedId],
    );
  }, 60_000);

  it('serves every record once, in sequence order, with tombstones and a remaining count that reaches 0', async () => {
    const pages = await pullAll(env.server, env.admin, 1000);
    expect(pages.map((p) => p.documents.length)).toEqual([1000, 1000, 300]);
    // Counted after the first page; later pages subtract what they returned.
    expect(pages.map((p) => p.remaining)).toEqual([1300, 300, 0]);
    const docs = pages.flatMap((p) => p.documents);
    expect(new Set(docs.map((d) => d.id)).size).toBe(perTeam * 2);
    expect(docs.at(-1)).toMatchObject({ id: deletedId, _deleted: true });
    expect(docs.filter((d) => d._deleted).map((d) => d.id)).toEqual([deletedId]);
    expect(
      docs.every(
        (d) => typeof d._deleted === 'boolean' && d.workspaceId === env.admin.workspace.id,
      ),
    ).toBe(true);
    // The same documents the REST API (parsed objects) returns.
    const rest = await api<{ documents: WireDoc[] }>(
      env.server,
      'GET',
      '/api/records/accounts?since=0&limit=1000',
      undefined,
      env.admin.accessToken,
    );
    expect(rest.body.documents).toEqual(pages[0].documents);
  });

  it('pages a scoped pull the same way, and never says 0 while a page follows', async () => {
    const pages = await pullAll(env.server, rep, 500);
    expect(pages.map((p) => p.documents.length)).toEqual([500, 500, 150]);
    for (const page of pages.slice(0, -1)) expect(page.remaining).toBeGreaterThan(0);
    expect(pages.at(-1)?.remaining).toBe(0);
    expect(pages[0].remaining).toBe(650);
    const docs = pages.flatMap((p) => p.documents);
    expect(docs.every((d) => d.ownerId === rep.user.id)).toBe(true);
    expect(docs.find((d) => d.id === deletedId)).toMatchObject({ _deleted: true });
  });

  it('a fresh client replicates the collection and reports its download progress', async () => {
    const client = await env.connect(env.admin, { start: false });
    const totals: number[] = [];
    const sub = client.engine.status$.subscribe((s) => {
      if (s.initialDownload) totals.push(s.initialDownload.total);
    });
    env.onCleanup(() => sub.unsubscribe());
    await client.engine.start();
    await eventually(() => expect(client.engine.status$.value.initialDownload).toBeNull(), 30_000);
    expect(await client.db.accounts.count({ selector: {} }).exec()).toBe(perTeam * 2 - 1);
    expect(Math.max(...totals)).toBe(perTeam * 2);
  });
});
