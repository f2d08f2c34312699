import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { docNameFor, type SessionResponse } from '../../shared/sync';
import { mergeRecords } from '../../renderer/src/data/services/merge-records';
import { DocManager, docPlainText, type DocLease } from '../../sync/client';
import { DocStore } from '../../sync/server/docs/doc-store';
import { buildAccount } from '../support/factories';
import {
  api,
  engineName,
  eventually,
  usePostgres,
  useTestServer,
  type TestServer,
} from './support/harness';

/**
 * Issue 19, Merge: a loser's account plan (a Yjs document) is carried into its survivor's when the merge is
 * pushed (sync/server/docs/README.md "Merged records"). Real laptops merge over the record socket; plans are
 * written and read over the real Yjs sockets (the app's DocManager), as in plans.test.ts.
 */

let deviceCounter = 0;

function device(server: { url: string }, session: SessionResponse, name: string): DocManager {
  const store = new Map<string, string>();
  return new DocManager({
    mode: 'team',
    namespace: `team:${session.workspace.id}:${session.user.id}:merge-${++deviceCounter}`,
    store: { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v) },
    user: { name, color: '#1c7ed6', userId: session.user.id },
    serverUrl: server.url,
    getAccessToken: () => Promise.resolve(session.accessToken),
    refreshAccessToken: () => Promise.resolve(),
    WebSocketPolyfill: WebSocket,
    flushTimeoutMs: 15_000,
    deniedRetryMs: 60_000,
  });
}

function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
}

/** The plan as the server stored it (every row merged into a fresh document). */
async function storedText(env: TestServer, docName: string): Promise<string> {
  const rows = await new DocStore(env.server.sql).load(env.admin.workspace.id, docName);
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row.data);
  const text = docPlainText(doc);
  doc.destroy();
  return text;
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe(`account plans follow a merge (${engineName})`, { timeout: 120_000 }, () => {
  const env = useTestServer({
    collections: ['accounts', 'contacts', 'leads', 'deals', 'contracts', 'tickets', 'activities'],
    // Rooms nobody holds leave memory quickly, so "the survivor's room is closed" really means closed.
    overrides: { docRooms: { idleCloseMs: 100 } },
  });
  const managers: DocManager[] = [];
  const leases: DocLease[] = [];

  const newDevice = (session: SessionResponse, name: string, server = env.server) => {
    const manager = device(server, session, name);
    managers.push(manager);
    return manager;
  };
  const openPlan = (manager: DocManager, name: string) => {
    const lease = manager.open(name);
    leases.push(lease);
    return lease.handle;
  };
  const newAccount = async (name: string) => {
    const res = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name }),
      env.admin.accessToken,
    );
    expect(res.status).toBe(201);
    return res.body.id;
  };
  /** Writes a paragraph into a plan over the socket and waits until the server stored it. */
  const writePlan = async (docName: string, text: string) => {
    const lease = newDevice(env.admin, '林晓').open(docName);
    expect(await lease.handle.whenServerSynced(10_000)).toBe(true);
    appendParagraph(lease.handle.doc, text);
    expect(await lease.handle.whenSaved(10_000)).toBe(true);
    lease.release();
  };
  /** Merges `loserId` into `survivorId` on a real laptop, as the merge screen does, and syncs it. */
  const merge = async (survivorId: string, loserId: string) => {
    const laptop = await env.connect(env.admin, { synced: true });
    await eventually(async () => expect(await laptop.repos.accounts.get(loserId)).not.toBeNull());
    await mergeRecords(
      laptop.repos,
      { kind: 'accounts', survivorId, loserIds: [loserId], choices: {} },
      Date.now(),
    );
    await laptop.engine.awaitInSync();
  };

  afterEach(async () => {
    for (const lease of leases.splice(0)) lease.release();
    for (const manager of managers.splice(0)) await manager.destroy();
  });

  it('carries the loser plan into the survivor plan, once, when nobody has the survivor open', async () => {
    const survivorId = await newAccount('杭州西湖科技有限公司');
    const loserId = await newAccount('杭州西湖科技');
    const survivorPlan = docNameFor('account-plan', survivorId);
    const loserPlan = docNameFor('account-plan', loserId);
    await writePlan(survivorPlan, '幸存方：年度采购目标 200 万');
    await writePlan(loserPlan, '被合并方：竞争对手是友商 A');
    // Both rooms have left the server's memory: the merge must open the survivor's from the database.
    await eventually(() => expect(env.server.docs.roomCount).toBe(0));

    await merge(survivorId, loserId);
    // The push was answered after the plan was stored.
    const text = await storedText(env, survivorPlan);
    expect(text).toContain('幸存方：年度采购目标 200 万');
    expect(text).toContain('被合并方：竞争对手是友商 A');

    // A colleague opening the survivor's plan reads both texts.
    const reader = openPlan(newDevice(env.admin, '王磊'), survivorPlan);
    expect(await reader.whenServerSynced(10_000)).toBe(true);
    await eventually(() => {
      expect(docPlainText(reader.doc)).toContain('幸存方：年度采购目标 200 万');
      expect(docPlainText(reader.doc)).toContain('被合并方：竞争对手是友商 A');
    });

    // Carried again (a replayed commit, a second merge of the same pair): nothing is stored, nothing doubles.
    const before = await env.server.docs.stats(env.admin.workspace.id, survivorPlan);
    await env.server.docs.followMerges(env.admin.workspace.id, [
      { kind: 'accounts', loserId, survivorId },
    ]);
    expect(await env.server.docs.stats(env.admin.workspace.id, survivorPlan)).toEqual(before);
    const again = await storedText(env, survivorPlan);
    expect(occurrences(again, '被合并方：竞争对手是友商 A')).toBe(1);
    expect(occurrences(again, '幸存方：年度采购目标 200 万')).toBe(1);
    expect(occurrences(docPlainText(reader.doc), '被合并方：竞争对手是友商 A')).toBe(1);
  });

  it('shows the loser plan live in an open survivor plan, and a loser without a plan changes nothing', async () => {
    const survivorId = await newAccount('成都天府软件有限公司');
    const loserId = await newAccount('成都天府软件');
    const planless = await newAccount('成都天府软件（重复）');
    const survivorPlan = docNameFor('account-plan', survivorId);
    await writePlan(docNameFor('account-plan', loserId), '被合并方：下季度扩容');

    const open = openPlan(newDevice(env.admin, '王磊'), survivorPlan);
    expect(await open.whenServerSynced(10_000)).toBe(true);
    appendParagraph(open.doc, '幸存方：正在谈判');
    expect(await open.whenSaved(10_000)).toBe(true);

    await merge(survivorId, loserId);
    // The open editor receives the carried text over its socket, without reopening.
    await eventually(() => {
      const text = docPlainText(open.doc);
      expect(text).toContain('幸存方：正在谈判');
      expect(occurrences(text, '被合并方：下季度扩容')).toBe(1);
    });

    const stats = await env.server.docs.stats(env.admin.workspace.id, survivorPlan);
    await merge(survivorId, planless);
    expect(await env.server.docs.stats(env.admin.workspace.id, survivorPlan)).toEqual(stats);
    expect(
      await env.server.docs.carryDoc(
        env.admin.workspace.id,
        docNameFor('account-plan', planless),
        survivorPlan,
      ),
    ).toBe(false);
  });

  it.runIf(usePostgres)(
    'an open survivor plan on another node shows the carried text',
    async () => {
      const node2 = await env.startNode();
      const survivorId = await newAccount('武汉光谷电子有限公司');
      const loserId = await newAccount('武汉光谷电子');
      const survivorPlan = docNameFor('account-plan', survivorId);
      await writePlan(docNameFor('account-plan', loserId), '被合并方：另一节点也看得到');

      const open = openPlan(newDevice(env.admin, '节点二', node2), survivorPlan);
      expect(await open.whenServerSynced(10_000)).toBe(true);
      await merge(survivorId, loserId);
      await eventually(
        () => expect(docPlainText(open.doc)).toBe('被合并方：另一节点也看得到'),
        20_000,
      );
    },
  );
});
