import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, docNameFor, SYNC_PATH, type SessionResponse } from '../../shared/sync';
import { buildAccount } from '../support/factories';
import { api, engineName, eventually, useTestServer } from './support/harness';

/**
 * Per-socket limits (sync/server/ws/socket-limits.ts): a socket that floods the server with messages is
 * closed with `rateLimited`, one that does not read what it asked for is closed with `tooSlow`; everyone else
 * on the same server keeps syncing. Real server, real sockets.
 */
describe(`socket limits (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['accounts'] });

  it('closes a socket that floods messages with rateLimited; others keep syncing', async () => {
    const team = await env.createTeam('限流组');
    const writer = await env.connect(await env.addUser('rep', team, 'flood-w'), { synced: true });
    const reader = await env.connect(await env.addUser('rep', team, 'flood-r'), { synced: true });
    const flooder = new WebSocket(syncUrl(env, await env.addUser('rep', team, 'flooder')));
    env.onCleanup(() => flooder.terminate());
    const closed = new Promise<number>((resolve) => flooder.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => flooder.on('open', () => resolve()));
    const ping = JSON.stringify({ type: 'ping', id: 1 });
    for (let i = 0; i < 5000 && flooder.readyState === flooder.OPEN; i++) flooder.send(ping);

    expect(await closed).toBe(CloseCode.rateLimited);
    expect((await fetch(`${env.server.url}/health`)).status).toBe(200);
    const account = await writer.repos.accounts.create(
      buildAccount({ name: '限流后照常同步有限公司', teamId: team }),
    );
    await eventually(async () =>
      expect(await reader.repos.accounts.get(account.id)).not.toBeNull(),
    );
  });

  it('closes a document socket that floods messages with rateLimited', async () => {
    const team = await env.createTeam('文档限流组');
    const session = await env.addUser('rep', team, 'doc-flooder');
    const created = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name: '文档限流有限公司', teamId: team }),
      env.admin.accessToken,
    );
    expect(created.status).toBe(201);
    const ws = new WebSocket(
      `${env.server.url.replace(/^http/, 'ws')}/yjs/${docNameFor('account-plan', created.body.id)}?token=${encodeURIComponent(session.accessToken)}`,
    );
    env.onCleanup(() => ws.terminate());
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => ws.on('open', () => resolve()));
    // A valid message (sync step 1), so nothing but the rate can close the socket.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, new Y.Doc());
    const step1 = encoding.toUint8Array(encoder);
    for (let i = 0; i < 5000 && ws.readyState === ws.OPEN; i++) ws.send(step1);

    expect(await closed).toBe(CloseCode.rateLimited);
    expect((await fetch(`${env.server.url}/health`)).status).toBe(200);
  });
});

describe(`slow readers (${engineName})`, { timeout: 90_000 }, () => {
  // A small cap: a few pull answers exceed it (the default is 16 MiB).
  const maxBufferedBytes = 256 * 1024;
  const env = useTestServer({
    collections: ['accounts'],
    overrides: { socketLimits: { maxBufferedBytes } },
  });
  const syncConnections = async () =>
    ((await (await fetch(`${env.server.url}/health`)).json()) as { connections: number })
      .connections;

  it('drops a socket that stops reading while it asks for a lot; others keep syncing', async () => {
    const team = await env.createTeam('慢读组');
    const writer = await env.connect(await env.addUser('rep', team, 'slow-w'), { synced: true });
    const reader = await env.connect(await env.addUser('rep', team, 'slow-r'), { synced: true });
    // Twenty accounts with long notes: each pull answer is several hundred KiB.
    for (let i = 0; i < 20; i++)
      await writer.repos.accounts.create(
        buildAccount({ name: `慢读测试${i}有限公司`, teamId: team, notes: '备'.repeat(5000) }),
      );
    await eventually(async () =>
      expect(await reader.repos.accounts.count({ deleted: false })).toBe(20),
    );
    const before = await syncConnections();
    const slow = new WebSocket(syncUrl(env, await env.addUser('rep', team, 'slow')));
    env.onCleanup(() => slow.terminate());
    const closed = new Promise<number>((resolve) => slow.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => slow.once('message', () => resolve()));
    expect(await syncConnections()).toBe(before + 1);
    // Stops reading (TCP reads paused, public ws API), then asks for far more than the cap and the kernel hold.
    slow.pause();
    for (let id = 1; id <= 60; id++)
      slow.send(
        JSON.stringify({
          type: 'pull',
          id,
          collection: 'accounts',
          checkpoint: null,
          batchSize: 100,
        }),
      );

    // The server gives up on it (close, then ws's close timeout ends the unanswered handshake).
    await eventually(async () => expect(await syncConnections()).toBe(before), 60_000);
    slow.resume();
    expect(await closed).not.toBe(1000);
    const account = await writer.repos.accounts.create(
      buildAccount({ name: '慢读之后照常同步有限公司', teamId: team }),
    );
    await eventually(async () =>
      expect(await reader.repos.accounts.get(account.id)).not.toBeNull(),
    );
  });
});

function syncUrl(env: { server: { url: string } }, session: SessionResponse): string {
  return `${env.server.url.replace(/^http/, 'ws')}${SYNC_PATH}?token=${encodeURIComponent(session.accessToken)}`;
}
