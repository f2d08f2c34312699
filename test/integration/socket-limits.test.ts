import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { CloseCode, SYNC_PATH, type SessionResponse } from '../../shared/sync';
import { buildAccount } from '../support/factories';
import { engineName, eventually, useTestServer } from './support/harness';

/**
 * Per-socket limits (sync/server/ws/socket-limits.ts): a socket that floods the server with messages is
 * closed with `rateLimited`, one that does not read what it asked for is closed with `tooSlow`; everyone else
 * on the same server keeps syncing. Real server, real sockets.
 */
describe(`socket limits (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['accounts'] });
  const syncUrl = (session: SessionResponse) =>
    `${env.server.url.replace(/^http/, 'ws')}${SYNC_PATH}?token=${encodeURIComponent(session.accessToken)}`;

  it('closes a socket that floods messages with rateLimited; others keep syncing', async () => {
    const team = await env.createTeam('限流组');
    const writer = await env.connect(await env.addUser('rep', team, 'flood-w'), { synced: true });
    const reader = await env.connect(await env.addUser('rep', team, 'flood-r'), { synced: true });
    const flooder = new WebSocket(syncUrl(await env.addUser('rep', team, 'flooder')));
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
});
