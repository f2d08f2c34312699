import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import {
  CloseCode,
  DocMessage,
  MAX_DOC_MESSAGE_BYTES,
  docNameFor,
  type DocAccess,
  type SessionResponse,
} from '../../shared/sync';
import { DocManager, docPlainText, type DocLease } from '../../sync/client';
import { buildAccount } from '../support/factories';
import { api, engineName, eventually, usePostgres, useTestServer } from './support/harness';

/**
 * Collaborative plans over real sockets against the real server: Yjs clients in Node (the app's DocManager with
 * y-indexeddb on fake-indexeddb and y-websocket on `ws`), the server's Yjs rooms on PGlite (or PostgreSQL).
 */

/** People the test server treats as read-only on every document they can read (see DocRoomOptions.access). */
const readOnlyUsers = new Set<string>();

let deviceCounter = 0;

interface Device {
  manager: DocManager;
  store: Map<string, string>;
  namespace: string;
}

/** A laptop's document engine: its own IndexedDB namespace and storage, signed in as `session`. */
function device(
  server: { url: string },
  session: SessionResponse,
  name: string,
  reuse?: { store: Map<string, string>; namespace: string },
): Device {
  const store = reuse?.store ?? new Map<string, string>();
  const namespace =
    reuse?.namespace ?? `team:${session.workspace.id}:${session.user.id}:${++deviceCounter}`;
  let current = session;
  const manager = new DocManager({
    mode: 'team',
    namespace,
    store: { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v) },
    user: { name, color: '#1c7ed6', userId: session.user.id },
    serverUrl: server.url,
    getAccessToken: () => Promise.resolve(current.accessToken),
    refreshAccessToken: async () => {
      const res = await api<SessionResponse>(server, 'POST', '/api/auth/refresh', {
        refreshToken: current.refreshToken,
      });
      if (res.status === 200) current = res.body;
    },
    WebSocketPolyfill: WebSocket,
    flushTimeoutMs: 15_000,
    deniedRetryMs: 60_000,
  });
  return { manager, store, namespace };
}

function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
}

/** Connects with a raw socket and resolves with the close code (for refusals). */
function closeCodeOf(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('close', (code) => resolve(code));
    ws.on('error', reject);
  });
}

function wsUrl(server: { url: string }, docName: string, token: string): string {
  return `${server.url.replace(/^http/, 'ws')}/yjs/${docName}?token=${encodeURIComponent(token)}`;
}

describe(`collaborative plans over real sockets (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({
    overrides: {
      docRooms: {
        access: async (principal, scope, ref, byRecord): Promise<DocAccess> => {
          const access = await byRecord(principal, scope, ref);
          return readOnlyUsers.has(principal.userId) && access === 'write' ? 'read' : access;
        },
      },
    },
  });
  const devices: Device[] = [];
  const leases: DocLease[] = [];

  const newDevice = (
    session: SessionResponse,
    name: string,
    reuse?: { store: Map<string, string>; namespace: string },
  ) => {
    const d = device(env.server, session, name, reuse);
    devices.push(d);
    return d;
  };
  const openDoc = (d: Device, name: string) => {
    const lease = d.manager.open(name);
    leases.push(lease);
    return lease;
  };
  const newAccount = async (
    name: string,
    overrides: Record<string, unknown> = {},
    as: SessionResponse = env.admin,
  ) => {
    const res = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name, ...overrides }),
      as.accessToken,
    );
    expect(res.status).toBe(201);
    return res.body.id;
  };

  afterEach(async () => {
    for (const lease of leases.splice(0)) lease.release();
    for (const d of devices.splice(0)) await d.manager.destroy();
  });

  it('two clients edit one plan at the same time and converge', async () => {
    const plan = docNameFor('account-plan', await newAccount('上海协同计划有限公司'));
    const a = openDoc(newDevice(env.admin, '林晓'), plan).handle;
    const b = openDoc(newDevice(env.admin, '王磊'), plan).handle;
    expect(await a.whenServerSynced(10_000)).toBe(true);
    expect(await b.whenServerSynced(10_000)).toBe(true);
    for (let i = 0; i < 20; i++) {
      appendParagraph(a.doc, `A 的目标 ${i}`);
      appendParagraph(b.doc, `B 的风险 ${i}`);
    }
    await eventually(() => {
      expect(docPlainText(a.doc).split('\n')).toHaveLength(40);
      expect(docPlainText(b.doc)).toBe(docPlainText(a.doc));
    });
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    // Presence: each sees the other's name.
    await eventually(() => {
      const names = [...a.awareness.getStates().values()].map(
        (s) => (s.user as { name?: string } | undefined)?.name,
      );
      expect(names).toContain('王磊');
    });
    expect(await a.whenSaved(10_000)).toBe(true);
    expect(a.state.unsynced).toBe(false);
  });

  it('both edit offline and converge after reconnecting', async () => {
    const plan = docNameFor('account-plan', await newAccount('北京离线计划有限公司'));
    const da = newDevice(env.admin, '林晓');
    const db = newDevice(env.admin, '王磊');
    const a = openDoc(da, plan).handle;
    const b = openDoc(db, plan).handle;
    await a.whenServerSynced(10_000);
    await b.whenServerSynced(10_000);
    appendParagraph(a.doc, '共同的开头');
    await eventually(() => expect(docPlainText(b.doc)).toBe('共同的开头'));

    da.manager.setOnline(false);
    db.manager.setOnline(false);
    expect(a.state.connection).toBe('offline');
    appendParagraph(a.doc, '飞机上写的：预算已确认');
    appendParagraph(b.doc, '客户现场写的：竞争对手报价更低');
    a.doc.getXmlFragment('default').delete(0, 1);
    expect(a.state.unsynced).toBe(true);
    expect(da.manager.dirtyDocs()).toEqual([plan]);
    // B has no connection, so nothing can reach it: no waiting needed to say it has not got A's text.
    expect(b.state.connection).toBe('offline');
    expect(docPlainText(b.doc)).not.toContain('预算已确认');

    da.manager.setOnline(true);
    db.manager.setOnline(true);
    await eventually(() => {
      expect(docPlainText(a.doc)).toBe(docPlainText(b.doc));
      expect(docPlainText(a.doc)).toContain('预算已确认');
      expect(docPlainText(a.doc)).toContain('竞争对手报价更低');
      expect(docPlainText(a.doc)).not.toContain('共同的开头');
    });
    expect(await a.whenSaved(10_000)).toBe(true);
    expect(da.manager.dirtyDocs()).toEqual([]);
  });

  it('a plan edited offline while closed reaches the server in the background after reconnecting', async () => {
    const plan = docNameFor('account-plan', await newAccount('深圳后台同步有限公司'));
    const laptop = newDevice(env.admin, '林晓');
    const first = laptop.manager.open(plan);
    await first.handle.whenServerSynced(10_000);
    laptop.manager.setOnline(false);
    appendParagraph(first.handle.doc, '离线时写下的行动计划');
    first.release();
    await laptop.manager.destroy();
    expect(laptop.store.get(`crm.docs.dirty.${laptop.namespace}`)).toContain(plan);

    // The app starts again, online, with the same device storage: the plan is not opened, only flushed.
    const again = newDevice(env.admin, '林晓', {
      store: laptop.store,
      namespace: laptop.namespace,
    });
    expect(again.manager.dirtyDocs()).toEqual([plan]);
    const report = await again.manager.flushDirty();
    expect(report).toEqual({ stored: [plan], failed: [] });
    expect(again.manager.dirtyDocs()).toEqual([]);

    const colleague = openDoc(newDevice(env.admin, '王磊'), plan).handle;
    await eventually(() => expect(docPlainText(colleague.doc)).toBe('离线时写下的行动计划'));
  });

  it('a plan closed while it reconnects, before the server acknowledged its offline edit, is sent at once', async () => {
    const plan = docNameFor('account-plan', await newAccount('宁波关闭重连有限公司'));
    const laptop = newDevice(env.admin, '林晓');
    const lease = laptop.manager.open(plan);
    await lease.handle.whenServerSynced(10_000);
    laptop.manager.setOnline(false);
    appendParagraph(lease.handle.doc, '重连时关闭的计划');
    // Back online the open plan reconnects by itself (the flush on reconnect skips open documents)…
    laptop.manager.setOnline(true);
    // …and the person leaves the page before the acknowledgement came: the plan must not wait for the next
    // periodic flush (a minute in the app) to leave the dirty list.
    lease.release();
    await eventually(() => expect(laptop.manager.dirtyDocs()).toEqual([]));
    const colleague = openDoc(newDevice(env.admin, '王磊'), plan).handle;
    await eventually(() => expect(docPlainText(colleague.doc)).toBe('重连时关闭的计划'));
  });

  it('refuses a bad token (4401), an unknown document (4404) and a person without access to the record (4403)', async () => {
    const north = await env.createTeam('华北');
    const south = await env.createTeam('华南');
    const southRep = await env.addUser('rep', south, 'rep-south');
    const northAccount = await newAccount('天津北方计划有限公司', { teamId: north });
    const plan = docNameFor('account-plan', northAccount);

    expect(await closeCodeOf(wsUrl(env.server, plan, 'not-a-token'))).toBe(CloseCode.unauthorized);
    expect(
      await closeCodeOf(wsUrl(env.server, 'account-plan:bad name!', env.admin.accessToken)),
    ).toBe(CloseCode.unknownDoc);
    expect(await closeCodeOf(wsUrl(env.server, 'contract-notes:abc', env.admin.accessToken))).toBe(
      CloseCode.unknownDoc,
    );
    expect(await closeCodeOf(wsUrl(env.server, plan, southRep.accessToken))).toBe(
      CloseCode.forbidden,
    );
    expect(
      await closeCodeOf(
        wsUrl(env.server, docNameFor('deal-notes', 'no-such-deal'), env.admin.accessToken),
      ),
    ).toBe(CloseCode.forbidden);

    // Through the app's engine: the document says "denied", and nothing of the plan reaches the rep.
    const writer = openDoc(newDevice(env.admin, '管理员'), plan).handle;
    await writer.whenServerSynced(10_000);
    appendParagraph(writer.doc, '华北团队的机密计划');
    expect(await writer.whenSaved(10_000)).toBe(true);
    const outsider = openDoc(newDevice(southRep, '南方销售'), plan).handle;
    await eventually(() => expect(outsider.state.connection).toBe('denied'));
    expect(docPlainText(outsider.doc)).toBe('');
  });

  it('lets a read-only person read and be present, but never applies their edits', async () => {
    const team = await env.createTeam('华东');
    const viewer = await env.addUser('rep', team, 'viewer');
    readOnlyUsers.add(viewer.user.id);
    const plan = docNameFor(
      'account-plan',
      await newAccount('杭州只读计划有限公司', { teamId: team }),
    );

    const writer = openDoc(newDevice(env.admin, '管理员'), plan).handle;
    await writer.whenServerSynced(10_000);
    appendParagraph(writer.doc, '管理员写的目标');
    expect(await writer.whenSaved(10_000)).toBe(true);

    const reader = openDoc(newDevice(viewer, '只读同事'), plan).handle;
    await eventually(() => expect(docPlainText(reader.doc)).toBe('管理员写的目标'));
    await eventually(() => expect(reader.state.readOnly).toBe(true));
    // The viewer's edit stays on their device: the server drops it.
    appendParagraph(reader.doc, '只读用户试图改写');
    // A later message on the viewer's socket: the server handles a connection's messages in order and relays
    // them to the writer in order, so once the writer sees this presence change, the edit was dealt with.
    reader.awareness.setLocalStateField('marker', 'after-edit');
    await eventually(() =>
      expect([...writer.awareness.getStates().values()].map((s): unknown => s.marker)).toContain(
        'after-edit',
      ),
    );
    expect(docPlainText(writer.doc)).toBe('管理员写的目标');
    appendParagraph(writer.doc, '管理员的第二句');
    await eventually(() => expect(docPlainText(reader.doc)).toContain('管理员的第二句'));
    expect(docPlainText(writer.doc)).toBe('管理员写的目标\n管理员的第二句');

    // A fresh reader sees exactly what the writer wrote; the stored document never had the viewer's text.
    const fresh = openDoc(newDevice(env.admin, '管理员 2'), plan).handle;
    await eventually(() => expect(docPlainText(fresh.doc)).toBe('管理员写的目标\n管理员的第二句'));
    // Presence is allowed: the writer sees the viewer.
    await eventually(() => {
      const names = [...writer.awareness.getStates().values()].map(
        (s) => (s.user as { name?: string } | undefined)?.name,
      );
      expect(names).toContain('只读同事');
    });
  });

  it('survives an oversized message and malformed messages, and keeps serving', async () => {
    const plan = docNameFor('account-plan', await newAccount('广州坏消息有限公司'));
    const writer = openDoc(newDevice(env.admin, '管理员'), plan).handle;
    await writer.whenServerSynced(10_000);
    appendParagraph(writer.doc, '坏消息之前');
    expect(await writer.whenSaved(10_000)).toBe(true);

    const send = (payload: Uint8Array) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(wsUrl(env.server, plan, env.admin.accessToken));
        ws.on('open', () => ws.send(payload));
        ws.on('close', (code) => resolve(code));
        ws.on('error', () => undefined);
        setTimeout(() => reject(new Error('socket not closed')), 10_000);
      });
    // Larger than the limit: the socket is closed with 1009, the process lives on.
    expect(await send(new Uint8Array(MAX_DOC_MESSAGE_BYTES + 1024))).toBe(CloseCode.tooLarge);
    // A sync update whose payload is garbage; a truncated varint; an awareness update that is not JSON.
    const garbage = encoding.createEncoder();
    encoding.writeVarUint(garbage, DocMessage.sync);
    encoding.writeVarUint(garbage, 2);
    encoding.writeVarUint8Array(garbage, new Uint8Array([255, 255, 255, 255, 1, 2, 3, 250, 9, 9]));
    expect(await send(encoding.toUint8Array(garbage))).toBe(CloseCode.invalidData);
    expect(await send(new Uint8Array([0, 0, 0xff]))).toBe(CloseCode.invalidData);
    const awareness = encoding.createEncoder();
    encoding.writeVarUint(awareness, DocMessage.awareness);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, 42);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, '{not json');
    encoding.writeVarUint8Array(awareness, encoding.toUint8Array(inner));
    expect(await send(encoding.toUint8Array(awareness))).toBe(CloseCode.invalidData);

    expect((await fetch(`${env.server.url}/health`)).status).toBe(200);
    appendParagraph(writer.doc, '坏消息之后');
    expect(await writer.whenSaved(10_000)).toBe(true);
    const reader = openDoc(newDevice(env.admin, '读者'), plan).handle;
    await eventually(() => expect(docPlainText(reader.doc)).toBe('坏消息之前\n坏消息之后'));
  });

  it('compacts: after 10,000 small edits the stored size stays within 2× of a fresh encode', async () => {
    const plan = docNameFor('account-plan', await newAccount('成都压缩测试有限公司'));
    const writer = openDoc(newDevice(env.admin, '打字员'), plan).handle;
    await writer.whenServerSynced(10_000);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    writer.doc.getXmlFragment('default').push([paragraph]);
    for (let i = 0; i < 10_000; i++) {
      text.insert(text.length, String.fromCharCode(0x4e00 + (i % 500)));
      if (i % 1000 === 999) await new Promise((r) => setTimeout(r, 10));
    }
    expect(await writer.whenSaved(60_000)).toBe(true);
    const fresh = Y.encodeStateAsUpdate(writer.doc).byteLength;
    const stored = await env.server.docs.stats(env.admin.workspace.id, plan);
    console.log(
      `[compaction] 10,000 edits: ${stored.rows} rows, ${stored.bytes} bytes stored; fresh encode ${fresh} bytes; ratio ${(stored.bytes / fresh).toFixed(2)}`,
    );
    expect(stored.bytes).toBeLessThanOrEqual(2 * fresh);

    const reader = openDoc(newDevice(env.admin, '读者'), plan).handle;
    await eventually(() => expect(docPlainText(reader.doc).length).toBe(10_000));
    expect(docPlainText(reader.doc)).toBe(docPlainText(writer.doc));
  }, 180_000);

  it('keeps the content intact across a server restart', async () => {
    const plan = docNameFor('account-plan', await newAccount('重庆重启测试有限公司'));
    const writer = openDoc(newDevice(env.admin, '管理员'), plan).handle;
    await writer.whenServerSynced(10_000);
    for (let i = 0; i < 50; i++) appendParagraph(writer.doc, `第 ${i} 条行动项`);
    expect(await writer.whenSaved(10_000)).toBe(true);
    const before = docPlainText(writer.doc);
    for (const lease of leases.splice(0)) lease.release();
    for (const d of devices.splice(0)) await d.manager.destroy();

    await env.restart();
    // Sessions outlive the restart (the signing secret is in the database).
    const refreshed = await api<SessionResponse>(env.server, 'POST', '/api/auth/refresh', {
      refreshToken: env.admin.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    const reader = openDoc(newDevice(refreshed.body, '重启后'), plan).handle;
    await eventually(() => expect(docPlainText(reader.doc)).toBe(before));
    expect(before.split('\n')).toHaveLength(50);
  });

  it.skipIf(!usePostgres)('shares a plan across two server nodes on one PostgreSQL', async () => {
    const node2 = await env.startNode();
    try {
      const plan = docNameFor('account-plan', await newAccount('双节点计划有限公司'));
      const a = openDoc(newDevice(env.admin, '节点一'), plan).handle;
      const d2 = device(node2, env.admin, '节点二');
      devices.push(d2);
      const b = openDoc(d2, plan).handle;
      await a.whenServerSynced(10_000);
      await b.whenServerSynced(10_000);
      for (let i = 0; i < 10; i++) {
        appendParagraph(a.doc, `一 ${i}`);
        appendParagraph(b.doc, `二 ${i}`);
      }
      await eventually(() => {
        expect(docPlainText(a.doc).split('\n')).toHaveLength(20);
        expect(docPlainText(b.doc)).toBe(docPlainText(a.doc));
      }, 20_000);
    } finally {
      for (const lease of leases.splice(0)) lease.release();
      for (const d of devices.splice(0)) await d.manager.destroy();
    }
  });
});
