import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import {
  CloseCode,
  DocMessage,
  FlushStatus,
  docNameFor,
  type SessionResponse,
} from '../../shared/sync';
import { buildAccount } from '../support/factories';
import { api, engineName, usePostgres, useTestServer } from './support/harness';

/**
 * Document rooms follow a record's move (issue 14, item 1): when the account behind an open plan moves to another
 * team, people who can no longer read it are closed with 4403 at once and nothing they send afterwards is
 * stored; people who still can keep editing. Raw sockets, so the test sees the very socket open before the move.
 */
describe(`document rooms follow a record's move (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['accounts'] });

  const open = async (server: { url: string }, docName: string, session: SessionResponse) => {
    const socket = await DocSocket.connect(server, docName, session);
    env.onCleanup(() => socket.close());
    return socket;
  };
  /** North and South (`label` names them, `key` the reps' e-mails), a rep of each, and an account of North owned by the North rep, with its plan's name. */
  const northAccount = async (label: string, key: string) => {
    const north = await env.createTeam(`华北${label}`);
    const south = await env.createTeam(`华南${label}`);
    const northRep = await env.addUser('rep', north, `north-${key}`);
    const southRep = await env.addUser('rep', south, `south-${key}`);
    const created = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name: `天津${label}迁移有限公司`, teamId: north, ownerId: northRep.user.id }),
      env.admin.accessToken,
    );
    expect(created.status).toBe(201);
    return { north, south, northRep, southRep, id: created.body.id };
  };
  /** The admin reassigns the account to South and its rep (the REST call answers after the commit is announced). */
  const moveToSouth = async (id: string, south: string, southRep: SessionResponse) => {
    const res = await api(
      env.server,
      'PATCH',
      `/api/records/accounts/${id}`,
      { teamId: south, ownerId: southRep.user.id },
      env.admin.accessToken,
    );
    expect(res.status).toBe(200);
  };

  it('closes the North rep’s open plan with 4403 when the account moves to South; the admin keeps editing', async () => {
    const { south, northRep, southRep, id } = await northAccount('计划', 'plan');
    const plan = docNameFor('account-plan', id);
    const rep = await open(env.server, plan, northRep);
    const admin = await open(env.server, plan, env.admin);
    expect(await rep.editAndFlush('北方销售的目标')).toBe(FlushStatus.stored);

    await moveToSouth(id, south, southRep);
    // Sent right after the move: it waits for the access check and is never applied.
    rep.edit('移走之后不应保存');
    expect(await within(rep.closed, 'the North rep’s plan to close')).toBe(CloseCode.forbidden);

    // The admin may still read and edit the account: the socket stays open and edits are stored.
    expect(await admin.storedText()).toBe('北方销售的目标');
    expect(await admin.editAndFlush('管理员继续写')).toBe(FlushStatus.stored);
    expect(admin.isOpen).toBe(true);
    const southReader = await open(env.server, plan, southRep);
    expect(await southReader.storedText()).toBe('北方销售的目标管理员继续写');
    // The North rep cannot come back either.
    expect(await DocSocket.closeCodeOf(env.server, plan, northRep)).toBe(CloseCode.forbidden);
  });

  it.skipIf(!usePostgres)(
    'closes the plan on another node sharing the database when the account moves (PostgreSQL NOTIFY)',
    async () => {
      const node = await env.startNode();
      const { south, northRep, southRep, id } = await northAccount('跨节点', 'node');
      const plan = docNameFor('account-plan', id);
      const rep = await open(node, plan, northRep);
      expect(await rep.editAndFlush('另一节点上的目标')).toBe(FlushStatus.stored);

      await moveToSouth(id, south, southRep);
      expect(await within(rep.closed, 'the plan on the other node to close')).toBe(
        CloseCode.forbidden,
      );
      const southReader = await open(node, plan, southRep);
      expect(await southReader.storedText()).toBe('另一节点上的目标');
    },
  );
});

/** `promise`, or a failure naming what did not happen within 10 s (a test fails fast, not at its timeout). */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited 10 s for ${what}`)), 10_000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function docUrl(server: { url: string }, docName: string, session: SessionResponse): string {
  return `${server.url.replace(/^http/, 'ws')}/yjs/${docName}?token=${encodeURIComponent(session.accessToken)}`;
}

/** One document socket driven by hand: text edits on `Y.Text('t')`, flushes, the stored text, how it closed. */
class DocSocket {
  readonly closed: Promise<number>;
  private readonly doc = new Y.Doc();
  private nextId = 1;
  private readonly flushed = new Map<number, (status: number) => void>();
  private synced: (() => void) | null = null;

  private constructor(private readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data)));
  }

  /** Resolves once joined (the server's first message is the access mode). */
  static async connect(
    server: { url: string },
    docName: string,
    session: SessionResponse,
  ): Promise<DocSocket> {
    const ws = new WebSocket(docUrl(server, docName, session));
    const socket = new DocSocket(ws);
    await within(
      new Promise((resolve, reject) => {
        ws.once('message', resolve);
        ws.once('close', (code) => reject(new Error(`closed with ${code} before joining`)));
      }),
      'joining the document',
    );
    return socket;
  }

  static closeCodeOf(server: { url: string }, docName: string, session: SessionResponse) {
    const ws = new WebSocket(docUrl(server, docName, session));
    return within(
      new Promise<number>((resolve) => ws.on('close', (code) => resolve(code))),
      'the refusal',
    );
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Appends text and sends the update. */
  edit(text: string): void {
    const before = Y.encodeStateVector(this.doc);
    const content = this.doc.getText('t');
    content.insert(content.length, text);
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, DocMessage.sync);
    syncProtocol.writeUpdate(message, Y.encodeStateAsUpdate(this.doc, before));
    this.ws.send(encoding.toUint8Array(message));
  }

  /** Edits, then asks whether everything sent so far is stored. */
  editAndFlush(text: string): Promise<number> {
    this.edit(text);
    const id = this.nextId++;
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, DocMessage.flush);
    encoding.writeVarUint(message, id);
    this.ws.send(encoding.toUint8Array(message));
    return within(new Promise<number>((resolve) => this.flushed.set(id, resolve)), `flush ${id}`);
  }

  /** The server's whole document (sync step 1 with our state → its step 2), as text. */
  async storedText(): Promise<string> {
    const done = new Promise<void>((resolve) => (this.synced = resolve));
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, DocMessage.sync);
    syncProtocol.writeSyncStep1(message, this.doc);
    this.ws.send(encoding.toUint8Array(message));
    await within(done, 'the server’s sync step 2');
    return this.doc.getText('t').toJSON();
  }

  close(): void {
    this.ws.close();
  }

  private receive(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === DocMessage.flushed) {
      const id = decoding.readVarUint(decoder);
      this.flushed.get(id)?.(decoding.readVarUint(decoder));
    } else if (type === DocMessage.sync) {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) return;
      Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), 'server');
      if (syncType === syncProtocol.messageYjsSyncStep2) this.synced?.();
    }
  }
}
