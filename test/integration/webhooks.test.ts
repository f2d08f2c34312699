import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  verifyWebhook,
  webhookPayloadSchema,
  type CreatedWebhook,
  type WebhookDelivery,
  type WebhookPayload,
  type WebhookRow,
} from '../../shared/sync';
import { LEAD_ASSIGNMENT_KEY } from '../../shared/domain';
import { buildAccount, buildDeal, buildLead } from '../support/factories';
import { api, engineName, eventually, usePostgres, useTestServer } from './support/harness';

interface Receipt {
  headers: IncomingHttpHeaders;
  body: string;
  payload: WebhookPayload;
  answered: number;
}

/** A webhook receiver on loopback: records every request and answers what `answer()` says at the time. */
async function startReceiver(answer: () => number = () => 200) {
  const receipts: Receipt[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const status = answer();
      receipts.push({
        headers: req.headers,
        body,
        payload: webhookPayloadSchema.parse(JSON.parse(body)),
        answered: status,
      });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/crm`,
    receipts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const expectSigned = async (receipt: Receipt, secret: string) => {
  const signature = receipt.headers['x-crm-signature'];
  expect(
    await verifyWebhook({
      secret,
      body: receipt.body,
      header: typeof signature === 'string' ? signature : undefined,
      nowSeconds: Date.now() / 1000,
    }),
  ).toMatchObject({ ok: true });
  expect(receipt.headers['x-crm-delivery']).toBe(receipt.payload.id);
  expect(receipt.headers['x-crm-event']).toBe(receipt.payload.event);
};

describe(`webhooks on ${engineName}`, { timeout: 60_000 }, () => {
  const env = useTestServer({
    config: {
      webhookAllowPrivate: true,
      webhookQueue: { retryDelaysMs: [1_500], maxAttempts: 20, pollMs: 50, timeoutMs: 2_000 },
    },
  });
  const call = <T>(method: string, path: string, body?: unknown, token = env.admin.accessToken) =>
    api<T>(env.server, method, path, body, token);

  const register = async (url: string, events: unknown[]) => {
    const created = await call<CreatedWebhook>('POST', '/api/webhooks', { url, events });
    expect(created.status).toBe(201);
    env.onCleanup(async () => void (await call('DELETE', `/api/webhooks/${created.body.id}`)));
    return created.body;
  };
  const deliveries = async (hookId: string) => {
    const log = await call<WebhookDelivery[]>('GET', `/api/webhooks/${hookId}/deliveries`);
    expect(log.status).toBe(200);
    return log.body;
  };

  it('a receiver on loopback gets signed deliveries for a created record and a won deal', async () => {
    const receiver = await startReceiver();
    env.onCleanup(receiver.close);
    const hook = await register(receiver.url, [
      { collection: 'accounts', action: 'created' },
      { event: 'deal.won' },
    ]);
    expect(hook.secret).toMatch(/^whsec_/);

    const account = await call<{ id: string }>('POST', '/api/records/accounts', buildAccount());
    expect(account.status).toBe(201);
    const deal = await call<{ id: string }>(
      'POST',
      '/api/records/deals',
      buildDeal({ accountId: account.body.id }),
    );
    expect(deal.status).toBe(201);
    const won = await call('PATCH', `/api/records/deals/${deal.body.id}`, {
      stage: 'won',
      status: 'won',
      probability: 100,
    });
    expect(won.status).toBe(200);

    await eventually(() => expect(receiver.receipts).toHaveLength(2));
    const [created, dealWon] = [
      receiver.receipts.find((r) => r.payload.event === 'record.created'),
      receiver.receipts.find((r) => r.payload.event === 'deal.won'),
    ];
    expect(created?.payload).toMatchObject({
      collection: 'accounts',
      recordId: account.body.id,
      workspaceId: env.admin.workspace.id,
      record: { id: account.body.id },
    });
    expect(dealWon?.payload).toMatchObject({
      collection: 'deals',
      recordId: deal.body.id,
      record: { id: deal.body.id, stage: 'won' },
    });
    for (const receipt of receiver.receipts) await expectSigned(receipt, hook.secret);
    // Neither the deal's creation nor its update was asked for.
    expect(receiver.receipts.map((r) => r.payload.event).sort()).toEqual([
      'deal.won',
      'record.created',
    ]);
    await eventually(async () =>
      expect((await deliveries(hook.id)).map((d) => [d.status, d.attempts])).toEqual([
        ['delivered', 1],
        ['delivered', 1],
      ]),
    );
  });

  it('lead.assigned reaches a subscriber when the assignment rules give a new lead its owner', async () => {
    const receiver = await startReceiver();
    env.onCleanup(receiver.close);
    const hook = await register(receiver.url, [{ event: 'lead.assigned' }]);
    const team = await env.createTeam('线索分配-钩子');
    const rep = await env.addUser('rep', team, 'hook-rep');
    const rules = await call('POST', '/api/records/settings', {
      id: `${env.admin.workspace.id}:${LEAD_ASSIGNMENT_KEY}`,
      teamId: '',
      kind: 'leadAssignment',
      key: LEAD_ASSIGNMENT_KEY,
      value: {
        enabled: true,
        rules: [
          {
            id: 'all',
            name: '',
            regions: [],
            industries: [],
            target: { kind: 'team', teamId: team },
          },
        ],
        capacity: 0,
        fallbackOwnerId: '',
      },
    });
    expect(rules.status).toBe(201);
    // An owned lead is not assigned by the rules: no event for it.
    const owned = await call(
      'POST',
      '/api/records/leads',
      buildLead({ ownerId: env.admin.user.id }),
    );
    expect(owned.status).toBe(201);
    const unowned = await call<{ id: string }>('POST', '/api/records/leads', {
      ...buildLead(),
      ownerId: '',
    });
    expect(unowned.status).toBe(201);

    await eventually(() => expect(receiver.receipts).toHaveLength(1));
    const [receipt] = receiver.receipts;
    expect(receipt.payload).toMatchObject({
      event: 'lead.assigned',
      collection: 'leads',
      recordId: unowned.body.id,
      record: { id: unowned.body.id, ownerId: rep.user.id },
    });
    await expectSigned(receipt, hook.secret);
  });

  it('retries a failing receiver and, with the server stopped mid-retry, delivers exactly once after restart', async () => {
    let failing = true;
    const receiver = await startReceiver(() => (failing ? 503 : 204));
    env.onCleanup(receiver.close);
    const hook = await register(receiver.url, [{ collection: 'accounts', action: '*' }]);

    const account = await call<{ id: string }>('POST', '/api/records/accounts', buildAccount());
    expect(account.status).toBe(201);
    // The first attempt failed and is logged; the next one waits 1.5 s.
    await eventually(async () =>
      expect(await deliveries(hook.id)).toMatchObject([
        { status: 'pending', attempts: 1, lastStatusCode: 503, lastError: 'HTTP 503: not now' },
      ]),
    );
    const beforeStop = receiver.receipts.length;
    expect(beforeStop).toBe(1);

    await env.restart();
    failing = false;

    await eventually(async () =>
      expect(await deliveries(hook.id)).toMatchObject([
        { status: 'delivered', lastStatusCode: 204, nextAttemptAt: null },
      ]),
    );
    const [logged] = await deliveries(hook.id);
    // Delivered is final: every request the receiver got is counted in the log, and one of them succeeded.
    expect(logged.attempts).toBe(receiver.receipts.length);
    expect(receiver.receipts.filter((r) => r.answered < 300)).toHaveLength(1);
    expect(receiver.receipts.findIndex((r) => r.answered < 300)).toBeGreaterThanOrEqual(beforeStop);
    expect(new Set(receiver.receipts.map((r) => r.payload.id))).toEqual(new Set([logged.id]));
    for (const receipt of receiver.receipts) await expectSigned(receipt, hook.secret);
  });

  it('410 Gone from the receiver turns the hook off', async () => {
    const receiver = await startReceiver(() => 410);
    env.onCleanup(receiver.close);
    const hook = await register(receiver.url, [{ collection: '*', action: 'created' }]);
    await call('POST', '/api/records/accounts', buildAccount());
    await eventually(async () =>
      expect(await deliveries(hook.id)).toMatchObject([
        { status: 'failed', attempts: 1, lastStatusCode: 410 },
      ]),
    );
    const hooks = await call<WebhookRow[]>('GET', '/api/webhooks');
    expect(hooks.body.find((h) => h.id === hook.id)).toMatchObject({
      active: false,
      disabledReason: 'gone',
    });
  });

  it.runIf(usePostgres)('two nodes on one database send each delivery once', async () => {
    const receiver = await startReceiver();
    env.onCleanup(receiver.close);
    const hook = await register(receiver.url, [{ collection: 'accounts', action: 'created' }]);
    const other = await env.startNode();
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api<{ id: string }>(
          i % 2 ? other : env.server,
          'POST',
          '/api/records/accounts',
          buildAccount(),
          env.admin.accessToken,
        ),
      ),
    );
    expect(created.map((c) => c.status)).toEqual(Array(20).fill(201));
    await eventually(async () =>
      expect((await deliveries(hook.id)).filter((d) => d.status === 'delivered')).toHaveLength(20),
    );
    expect(receiver.receipts).toHaveLength(20);
    expect(new Set(receiver.receipts.map((r) => r.payload.recordId)).size).toBe(20);
  });

  it('only admins manage webhooks: a rep gets 403 on every route', async () => {
    const teamId = await env.createTeam('华东');
    const rep = await env.addUser('rep', teamId, 'hook-rep');
    const hook = await register('http://127.0.0.1:9/x', [{ event: '*' }]);
    for (const [method, path, body] of [
      ['GET', '/api/webhooks', undefined],
      ['POST', '/api/webhooks', { url: 'https://example.com/in', events: [{ event: '*' }] }],
      ['PATCH', `/api/webhooks/${hook.id}`, { active: false }],
      ['DELETE', `/api/webhooks/${hook.id}`, undefined],
      ['GET', `/api/webhooks/${hook.id}/deliveries`, undefined],
    ] as const) {
      const answer = await call<{ error: { code: string } }>(method, path, body, rep.accessToken);
      expect(answer, `${method} ${path}`).toMatchObject({
        status: 403,
        body: { error: { code: 'admin_only' } },
      });
    }
    expect((await call('GET', '/api/webhooks', undefined, 'not-a-token')).status).toBe(401);
  });

  it('registers, lists without the secret, pauses, resumes and deletes a hook; refuses other schemes', async () => {
    const hook = await register('http://127.0.0.1:9/x', [
      { collection: 'deals', action: 'updated' },
    ]);
    const listed = await call<Record<string, unknown>[]>('GET', '/api/webhooks');
    expect(listed.body.find((h) => h.id === hook.id)).toMatchObject({
      url: hook.url,
      active: true,
    });
    expect(listed.body.every((h) => !('secret' in h))).toBe(true);

    const paused = await call<WebhookRow>('PATCH', `/api/webhooks/${hook.id}`, { active: false });
    expect(paused).toMatchObject({ status: 200, body: { active: false } });
    const resumed = await call<WebhookRow>('PATCH', `/api/webhooks/${hook.id}`, { active: true });
    expect(resumed).toMatchObject({ status: 200, body: { active: true } });

    expect(
      await call('POST', '/api/webhooks', { url: 'ftp://127.0.0.1/x', events: [{ event: '*' }] }),
    ).toMatchObject({ status: 400, body: { error: { code: 'webhook_url_refused' } } });
    expect(
      (await call('POST', '/api/webhooks', { url: 'https://example.com/x', events: [] })).status,
    ).toBe(400);

    expect((await call('DELETE', `/api/webhooks/${hook.id}`)).status).toBe(200);
    expect((await call('DELETE', `/api/webhooks/${hook.id}`)).status).toBe(404);
    expect((await call('GET', `/api/webhooks/${hook.id}/deliveries`)).status).toBe(404);
  });
});

describe(
  `webhook URLs without --webhook-allow-private on ${engineName}`,
  { timeout: 60_000 },
  () => {
    const env = useTestServer();

    it('refuses loopback and private addresses (SSRF)', async () => {
      for (const url of [
        'http://127.0.0.1:8787/api/me',
        'http://localhost/x',
        'http://169.254.169.254/latest/meta-data',
        'http://10.0.0.8/x',
        'http://[::1]/x',
      ])
        expect(
          await api(
            env.server,
            'POST',
            '/api/webhooks',
            { url, events: [{ event: '*' }] },
            env.admin.accessToken,
          ),
          url,
        ).toMatchObject({ status: 400, body: { error: { code: 'webhook_url_refused' } } });
    });
  },
);
