import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Setting } from '../../shared/domain';
import type { SessionResponse } from '../../shared/sync';
import { api, engineName, eventually, useTestServer } from './support/harness';

interface ErrorReply {
  error: { code: string; issues?: { path: string; message: string }[] };
}

/** JSON text of a value nested `depth` objects deep (JSON.stringify itself gives up at such depths). */
const nestedJson = (depth: number) => `${'{"next":'.repeat(depth)}"leaf"${'}'.repeat(depth)}`;

/**
 * A settings record's `value` is checked against the schema of its kind (settingValueSchemas) on every write,
 * pushed or over REST, so a colleague cannot store any JSON as a saved filter for the app to trip over.
 */
describe(`settings values on ${engineName}`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['settings'] });
  let rep: SessionResponse;

  beforeAll(async () => {
    rep = await env.addUser('rep', await env.createTeam('North'), 'rep-north');
  });

  const savedFilter = (value: Record<string, unknown>): Setting => {
    const now = Date.now();
    const id = crypto.randomUUID();
    return {
      id,
      workspaceId: rep.workspace.id,
      teamId: rep.user.teamIds[0],
      ownerId: rep.user.id,
      createdAt: now,
      updatedAt: now,
      createdBy: rep.user.id,
      updatedBy: rep.user.id,
      deleted: false,
      kind: 'savedFilter',
      key: `account:${id}`,
      value,
    };
  };
  const goodFilter = {
    entity: 'account',
    name: '重点客户',
    filter: { tier: ['A', 'B'] },
    sort: { field: 'updatedAt', direction: 'desc' },
  };

  it('refuses a pushed saved filter that is not a saved filter (reason validation, field named); a good one is stored', async () => {
    const laptop = await env.connect(rep, { synced: true });
    const bad = savedFilter({ entity: 'account', name: '坏过滤器', filter: { tier: { $gt: 1 } } });
    const good = savedFilter(goodFilter);
    await laptop.db.settings.bulkInsert([bad, good]);

    await eventually(() => expect(laptop.rejections.map((r) => r.id)).toContain(bad.id));
    const rejection = laptop.rejections.find((r) => r.id === bad.id)!;
    expect(rejection.reason).toBe('sync.rejected.validation');
    expect(rejection.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining(['value.filter.tier', 'value.sort']),
    );
    // The good row of the same push is stored; the bad one never reached the server.
    await eventually(async () => {
      const stored = await api(
        env.server,
        'GET',
        `/api/records/settings/${good.id}`,
        undefined,
        rep.accessToken,
      );
      expect(stored.status).toBe(200);
    });
    const refused = await api(
      env.server,
      'GET',
      `/api/records/settings/${bad.id}`,
      undefined,
      rep.accessToken,
    );
    expect(refused.status).toBe(404);
    expect(laptop.rejections.map((r) => r.id)).not.toContain(good.id);
  });

  it('answers 422 over REST for a bad value and 4xx (never 500) for a value nested 5,000 deep', async () => {
    const create = (value: Record<string, unknown>) => {
      const { id, kind, key } = savedFilter(goodFilter);
      return api<ErrorReply>(
        env.server,
        'POST',
        '/api/records/settings',
        { id, kind, key, value },
        rep.accessToken,
      );
    };
    const wrongKind = await create({ ...goodFilter, entity: 'spaceship' });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.error.issues?.map((i) => i.path)).toContain('value.entity');

    const { id, kind, key } = savedFilter(goodFilter);
    const { filter: _filter, ...rest } = goodFilter;
    const body = JSON.stringify({ id, kind, key, value: rest }).replace(
      /}}$/,
      `,"filter":${nestedJson(5_000)}}}`,
    );
    const deep = await fetch(`${env.server.url}/api/records/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${rep.accessToken}` },
      body,
    });
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as ErrorReply).error.code).toBe('too_deep');

    expect((await create(goodFilter)).status).toBe(201);
    // The server is still well.
    expect((await fetch(`${env.server.url}/health`)).status).toBe(200);
  });

  it('refuses a row nested 5,000 deep in a raw socket push and stores the good row beside it', async () => {
    const socket = new WebSocket(
      `${env.server.url.replace('http', 'ws')}/sync?token=${rep.accessToken}`,
    );
    const messages: { type: string; id?: number; rejected?: { id: string; reason: string }[] }[] =
      [];
    socket.on('message', (data) =>
      messages.push(JSON.parse((data as Buffer).toString('utf8')) as (typeof messages)[0]),
    );
    await eventually(() => expect(messages.map((m) => m.type)).toContain('welcome'));
    const good = savedFilter(goodFilter);
    const deep = savedFilter(goodFilter);
    const row = (doc: Setting) => ({ assumedMasterState: null, newDocumentState: doc });
    const frame = JSON.stringify({
      type: 'push',
      id: 7,
      collection: 'settings',
      rows: [row(good), row({ ...deep, value: { ...goodFilter, filter: 'DEEP' } })],
    }).replace('"DEEP"', nestedJson(5_000));
    socket.send(frame);
    await eventually(() => expect(messages.find((m) => m.id === 7)).toBeDefined());
    socket.close();
    const answer = messages.find((m) => m.id === 7)!;
    expect(answer.type).toBe('push-result');
    expect(answer.rejected?.map((r) => [r.id, r.reason])).toEqual([
      [deep.id, 'sync.rejected.validation'],
    ]);
    const stored = await api(
      env.server,
      'GET',
      `/api/records/settings/${good.id}`,
      undefined,
      rep.accessToken,
    );
    expect(stored.status).toBe(200);
  });
});
