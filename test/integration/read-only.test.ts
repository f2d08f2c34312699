import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import {
  DocAccessMode,
  DocMessage,
  FlushStatus,
  docNameFor,
  type SessionResponse,
} from '../../shared/sync';
import { buildAccount } from '../support/factories';
import { api, engineName, eventually, useTestServer } from './support/harness';

/**
 * Read-only access (issue 14, "Permissions"): a viewer reads and writes nothing; a team shared read-only is
 * read, never written. The server is the authority on every path: sync pushes, REST writes and documents.
 */
describe(`read-only access (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['accounts', 'settings'] });

  const adminCreatesAccount = async (teamId: string, name: string) => {
    const res = await api<{ id: string; name: string }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name, teamId }),
      env.admin.accessToken,
    );
    expect(res.status).toBe(201);
    return res.body;
  };
  const adminReads = (id: string) =>
    api<{ name?: string; notes?: string }>(
      env.server,
      'GET',
      `/api/records/accounts/${id}`,
      undefined,
      env.admin.accessToken,
    );
  const patchUser = async (userId: string, patch: Record<string, unknown>) => {
    const res = await api(
      env.server,
      'PATCH',
      `/api/users/${userId}`,
      patch,
      env.admin.accessToken,
    );
    expect(res.status).toBeLessThan(300);
  };

  it("refuses a viewer's push with sync.rejected.readOnly and stores nothing; their saved filter is kept", async () => {
    const team = await env.createTeam('财务查看组');
    const existing = await adminCreatesAccount(team, '南京只读可见有限公司');
    const viewer = await env.connect(await env.addUser('viewer', team, 'viewer-push'), {
      synced: true,
    });
    // Reads like a manager of the team.
    await eventually(async () =>
      expect(await viewer.repos.accounts.get(existing.id)).toMatchObject({
        name: '南京只读可见有限公司',
      }),
    );

    const created = await viewer.repos.accounts.create(
      buildAccount({ name: '查看者新建有限公司', teamId: team }),
    );
    await viewer.repos.accounts.update(existing.id, { notes: '查看者改的' });
    await eventually(() =>
      expect(
        viewer.rejections.map((r) => [r.id, r.reason]).sort((a, b) => a[0].localeCompare(b[0])),
      ).toEqual(
        [
          [created.id, 'sync.rejected.readOnly'],
          [existing.id, 'sync.rejected.readOnly'],
        ].sort((a, b) => a[0].localeCompare(b[0])),
      ),
    );
    expect((await adminReads(created.id)).status).toBe(404);
    expect((await adminReads(existing.id)).body.notes ?? '').not.toBe('查看者改的');

    // Their own saved filter is still theirs to save.
    const filter = await api(
      env.server,
      'POST',
      '/api/records/settings',
      {
        id: crypto.randomUUID(),
        kind: 'savedFilter',
        key: 'account:my-filter',
        value: {
          entity: 'account',
          name: '我的客户',
          filter: {},
          sort: { field: 'name', direction: 'asc' },
        },
      },
      viewer.session.accessToken,
    );
    expect(filter.status).toBe(201);
  });

  it('answers a REST write of a viewer 403 with the reason', async () => {
    const team = await env.createTeam('管理层');
    const account = await adminCreatesAccount(team, '上海只读接口有限公司');
    const viewer = await env.addUser('viewer', team, 'viewer-rest');

    const post = await api<{ error: { code: string } }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name: '接口新建有限公司', teamId: team }),
      viewer.accessToken,
    );
    expect([post.status, post.body.error.code]).toEqual([403, 'sync.rejected.readOnly']);
    const patch = await api<{ error: { code: string } }>(
      env.server,
      'PATCH',
      `/api/records/accounts/${account.id}`,
      { notes: '接口改的' },
      viewer.accessToken,
    );
    expect([patch.status, patch.body.error.code]).toEqual([403, 'sync.rejected.readOnly']);
    const get = await api(
      env.server,
      'GET',
      `/api/records/accounts/${account.id}`,
      undefined,
      viewer.accessToken,
    );
    expect(get.status).toBe(200);
  });

  it('lets a sharee read a team shared read-only and refuses their writes to it, over sync and REST', async () => {
    const north = await env.createTeam('华北共享');
    const south = await env.createTeam('华南共享');
    const shared = await adminCreatesAccount(north, '北京共享只读有限公司');
    const session = await env.addUser('rep', south, 'sharee');
    const sharee = await env.connect(session, { synced: true });
    // Open socket, then the admin shares North read-only: the change applies at once.
    await patchUser(session.user.id, { readOnlyTeamIds: [north] });
    await eventually(async () =>
      expect((await sharee.repos.accounts.get(shared.id))?.name).toBe('北京共享只读有限公司'),
    );

    await sharee.repos.accounts.update(shared.id, { notes: '共享者改的' });
    await eventually(() =>
      expect(sharee.rejections.map((r) => [r.id, r.reason])).toContainEqual([
        shared.id,
        'sync.rejected.readOnly',
      ]),
    );
    expect((await adminReads(shared.id)).body.notes ?? '').not.toBe('共享者改的');

    const rest = await api<{ error: { code: string } }>(
      env.server,
      'PATCH',
      `/api/records/accounts/${shared.id}`,
      { notes: '接口改的' },
      session.accessToken,
    );
    expect([rest.status, rest.body.error.code]).toEqual([403, 'sync.rejected.readOnly']);
    // Their own team stays theirs.
    const own = await sharee.repos.accounts.create(
      buildAccount({ name: '广州自己的有限公司', teamId: south }),
    );
    await eventually(async () => expect((await adminReads(own.id)).status).toBe(200));
  });

  it("turns a rep's open socket read-only when an admin makes them a viewer", async () => {
    const team = await env.createTeam('转为查看者');
    const session = await env.addUser('rep', team, 'rep-to-viewer');
    const client = await env.connect(session, { synced: true });
    await patchUser(session.user.id, { role: 'viewer' });
    const account = await client.repos.accounts.create(
      buildAccount({ name: '改角色后新建有限公司', teamId: team }),
    );
    await eventually(() =>
      expect(client.rejections.map((r) => [r.id, r.reason])).toEqual([
        [account.id, 'sync.rejected.readOnly'],
      ]),
    );
    expect((await adminReads(account.id)).status).toBe(404);
  });

  it("drops a viewer's document edits: they never reach the stored document or an editor", async () => {
    const team = await env.createTeam('文档只读组');
    const account = await adminCreatesAccount(team, '杭州文档只读有限公司');
    const docName = docNameFor('account-plan', account.id);
    const viewer = await DocClient.open(
      env.server,
      docName,
      await env.addUser('viewer', team, 'doc-viewer'),
    );
    const editor = await DocClient.open(
      env.server,
      docName,
      await env.addUser('rep', team, 'doc-editor'),
    );
    env.onCleanup(() => viewer.close());
    env.onCleanup(() => editor.close());
    expect(viewer.accessModes).toEqual([DocAccessMode.readOnly]);
    expect(editor.accessModes).toEqual([DocAccessMode.readWrite]);

    // The server has handled the viewer's edit once it answers the flush sent after it (in order).
    viewer.doc.getText('plan').insert(0, '查看者写的');
    expect(await viewer.flush(1)).toBe(FlushStatus.notStored);
    editor.doc.getText('plan').insert(0, '编辑者写的');
    expect(await editor.flush(2)).toBe(FlushStatus.stored);
    // The editor's later edit reaches the viewer; the viewer's never reached the editor.
    await eventually(() => expect(viewer.doc.getText('plan').toJSON()).toContain('编辑者写的'));
    expect(editor.doc.getText('plan').toJSON()).toBe('编辑者写的');

    // What is stored: a fresh reader after a restart (the room is loaded from the database).
    viewer.close();
    editor.close();
    await env.restart();
    const reader = await DocClient.open(env.server, docName, env.admin);
    env.onCleanup(() => reader.close());
    await eventually(() => expect(reader.doc.getText('plan').toJSON()).toBe('编辑者写的'));
  });
});

/** A y-websocket-speaking document client on a raw socket: its own Y.Doc, access modes and flush replies. */
class DocClient {
  readonly doc = new Y.Doc();
  readonly accessModes: number[] = [];
  private readonly flushed = new Map<number, (status: number) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data)));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, DocMessage.sync);
      syncProtocol.writeUpdate(message, update);
      this.ws.send(encoding.toUint8Array(message));
    });
  }

  static async open(
    server: { url: string },
    docName: string,
    session: SessionResponse,
  ): Promise<DocClient> {
    const ws = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/yjs/${docName}?token=${encodeURIComponent(session.accessToken)}`,
    );
    const client = new DocClient(ws);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('close', (code) => reject(new Error(`closed with ${code}`)));
    });
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, DocMessage.sync);
    syncProtocol.writeSyncStep1(step1, client.doc);
    ws.send(encoding.toUint8Array(step1));
    await eventually(() => expect(client.accessModes.length).toBeGreaterThan(0));
    return client;
  }

  /** Asks whether everything sent so far is stored; resolves with the FlushStatus. */
  flush(id: number): Promise<number> {
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, DocMessage.flush);
    encoding.writeVarUint(message, id);
    this.ws.send(encoding.toUint8Array(message));
    return new Promise((resolve) => this.flushed.set(id, resolve));
  }

  close(): void {
    this.ws.close(1000);
  }

  private receive(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === DocMessage.access) this.accessModes.push(decoding.readVarUint(decoder));
    else if (type === DocMessage.flushed) {
      const id = decoding.readVarUint(decoder);
      this.flushed.get(id)?.(decoding.readVarUint(decoder));
    } else if (type === DocMessage.sync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, DocMessage.sync);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (encoding.length(reply) > 1) this.ws.send(encoding.toUint8Array(reply));
    }
  }
}
