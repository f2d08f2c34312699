import { describe, expect, it } from 'vitest';
import {
  CAPTURE_LEADS_PATH,
  type ApiError,
  type CaptureKeyRow,
  type CaptureLeadResponse,
  type CreatedCaptureKey,
  type CreateCaptureKeyBody,
  type HistoryEntry,
} from '../../shared/sync';
import type { Lead } from '../../shared/domain';
import { api, engineName, eventually, usePostgres, useTestServer } from './support/harness';

const PER_KEY_PER_MINUTE = 5;
const BAD_KEYS_PER_MINUTE = 12;

/** The lead-capture API (issue 19 "Capture") over real HTTP: keys, the post, idempotency, limits, fan-out. */
describe(`lead capture on ${engineName}`, { timeout: 60_000 }, () => {
  const env = useTestServer({
    collections: ['leads'],
    overrides: {
      captureLimits: {
        perKeyPerMinute: PER_KEY_PER_MINUTE,
        badKeysPerMinute: BAD_KEYS_PER_MINUTE,
      },
    },
  });
  const call = <T>(method: string, path: string, body?: unknown, token = env.admin.accessToken) =>
    api<T>(env.server, method, path, body, token);

  const createKey = async (body: CreateCaptureKeyBody) => {
    const created = await call<CreatedCaptureKey>('POST', '/api/capture-keys', body);
    expect(created.status).toBe(201);
    return created.body;
  };
  /** A form's post: JSON with the key in X-Api-Key (or none). */
  const capture = async <T = CaptureLeadResponse>(
    key: string | undefined,
    body: unknown,
    node: { url: string } = env.server,
  ) => {
    const response = await fetch(node.url + CAPTURE_LEADS_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as T,
    };
  };
  const readLead = async (id: string) => (await call<Lead>('GET', `/api/records/leads/${id}`)).body;

  it('an admin creates a key (shown once, stored hashed), lists it and revokes it; others may not', async () => {
    const key = await createKey({ name: '官网表单', source: 'website' });
    expect(key.key).toMatch(/^crmcap_[\w-]{40,}$/);
    expect(key.key.startsWith(key.prefix)).toBe(true);
    expect(key).toMatchObject({ name: '官网表单', source: 'website', revokedAt: null });

    const listed = await call<CaptureKeyRow[]>('GET', '/api/capture-keys');
    const row = listed.body.find((k) => k.id === key.id);
    expect(row).toMatchObject({ name: '官网表单', lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(key.key);
    const [stored] = await env.server.sql.query<{ key_hash: string }>(
      'SELECT key_hash FROM capture_keys WHERE id = $1',
      [key.id],
    );
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.key_hash).not.toContain(key.key);

    const rep = await env.addUser('rep', '', 'rep-wang');
    const refused = await call<{ error: ApiError }>(
      'GET',
      '/api/capture-keys',
      undefined,
      rep.accessToken,
    );
    expect(refused.status).toBe(403);
    const refusedCreate = await call('POST', '/api/capture-keys', { name: 'x' }, rep.accessToken);
    expect(refusedCreate.status).toBe(403);

    const revoked = await call<CaptureKeyRow>('POST', `/api/capture-keys/${key.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(Number));
    expect((await call('POST', '/api/capture-keys/capture-nope/revoke')).status).toBe(404);
  });

  it('answers 401 to a missing, unknown or revoked key, naming which', async () => {
    const lead = { name: '张三', mobile: '13800138000' };
    const missing = await capture<{ error: ApiError }>(undefined, lead);
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('capture_key_missing');
    const unknown = await capture<{ error: ApiError }>('crmcap_not-a-key', lead);
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('capture_key_invalid');
    // A person's access token is no capture key.
    const token = await capture<{ error: ApiError }>(env.admin.accessToken, lead);
    expect(token.status).toBe(401);

    const key = await createKey({ name: '百度推广', source: 'ads' });
    expect((await capture(key.key, lead)).status).toBe(201);
    await call('POST', `/api/capture-keys/${key.id}/revoke`);
    const revoked = await capture<{ error: ApiError }>(key.key, lead);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('capture_key_revoked');
  });

  it('answers 422 naming the fields the app would refuse, and stores nothing', async () => {
    const key = await createKey({ name: '展会扫码' });
    const before = await env.server.sql.query("SELECT id FROM records WHERE collection = 'leads'");
    const bad = await capture<{ error: ApiError }>(key.key, {
      name: '',
      mobile: '12345',
      email: 'not-an-email',
      source: 'billboard',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('invalid_lead');
    const paths = bad.body.error.issues?.map((issue) => issue.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['name', 'mobile', 'email', 'source']));
    // No body at all is a lead without a name.
    const empty = await capture<{ error: ApiError }>(key.key, {});
    expect(empty.status).toBe(422);
    expect(empty.body.error.issues?.map((issue) => issue.path)).toContain('name');
    // A campaign id that is no campaign of the workspace.
    const campaign = await capture<{ error: ApiError }>(key.key, {
      name: '李四',
      campaignId: 'nope',
    });
    expect(campaign.status).toBe(422);
    expect(campaign.body.error.issues?.[0]?.path).toBe('campaignId');
    const after = await env.server.sql.query("SELECT id FROM records WHERE collection = 'leads'");
    expect(after.length).toBe(before.length);
  });

  it('a form posted twice with one clientKey makes one lead: 201, then 200 with the same id', async () => {
    const key = await createKey({ name: '官网表单-重复' });
    const form = { name: '王芳', company: '杭州云帆科技有限公司', clientKey: 'form-4711' };
    const [first, second] = await Promise.all([capture(key.key, form), capture(key.key, form)]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(second.body.id).toBe(first.body.id);
    const again = await capture(key.key, form);
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id, created: false } });
    const rows = await env.server.sql.query(
      "SELECT id FROM records WHERE collection = 'leads' AND data->>'name' = '王芳'",
    );
    expect(rows).toHaveLength(1);
    // The clientKey is per capture key: another source's form 4711 is another lead.
    const other = await createKey({ name: '另一个表单' });
    const elsewhere = await capture(other.key, form);
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.id).not.toBe(first.body.id);
  });

  it('a clientKey claimed by a post whose node died before writing its lead: a retry makes the lead', async () => {
    const key = await createKey({ name: '官网表单-宕机' });
    // What a node leaves when it dies between the claim and the write: a claim whose lead was never stored.
    await env.server.sql.query(
      'INSERT INTO capture_requests (key_id, client_key, lead_id, created_at) VALUES ($1, $2, $3, $4)',
      [key.id, 'form-crash', 'lead-never-written', Date.now() - 10 * 60_000],
    );
    const form = { name: '赵磊', company: '成都蓉城物流有限公司', clientKey: 'form-crash' };
    const retried = await capture(key.key, form);
    expect(retried.status).toBe(201);
    expect(retried.body.id).not.toBe('lead-never-written');
    expect(await readLead(retried.body.id)).toMatchObject({ name: '赵磊' });
    // From then on the clientKey answers that lead, as any other.
    expect(await capture(key.key, form)).toMatchObject({
      status: 200,
      body: { id: retried.body.id, created: false },
    });
  });

  it('a flood on one key gets 429 with Retry-After; other keys still post', async () => {
    const key = await createKey({ name: '洪水' });
    const answers = await Promise.all(
      Array.from({ length: PER_KEY_PER_MINUTE + 3 }, (_, i) =>
        capture(key.key, { name: `访客${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(PER_KEY_PER_MINUTE);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(3);
    for (const answer of limited) {
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
    }
    const calm = await createKey({ name: '安静' });
    expect((await capture(calm.key, { name: '访客' })).status).toBe(201);
  });

  it.runIf(usePostgres)(
    "two nodes on one PostgreSQL share a key's limit: a flood split over both gets 429 past the single limit",
    async () => {
      const other = await env.startNode();
      const key = await createKey({ name: '洪水-两节点' });
      const total = PER_KEY_PER_MINUTE * 2 + 2;
      const answers = await Promise.all(
        Array.from({ length: total }, (_, i) =>
          capture(key.key, { name: `两节点访客${i}` }, i % 2 === 0 ? env.server : other),
        ),
      );
      const statuses = answers.map((a) => a.status);
      // Counted per node, each node would take PER_KEY_PER_MINUTE (twice the limit in all).
      expect(statuses.filter((s) => s === 201)).toHaveLength(PER_KEY_PER_MINUTE);
      expect(statuses.filter((s) => s === 429)).toHaveLength(total - PER_KEY_PER_MINUTE);
      for (const answer of answers.filter((a) => a.status === 429))
        expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      // Both nodes refuse the key now, and the 201s are the only leads stored.
      expect((await capture(key.key, { name: '再来一个' }, other)).status).toBe(429);
      const rows = await env.server.sql.query(
        "SELECT id FROM records WHERE collection = 'leads' AND data->>'name' LIKE '两节点访客%'",
      );
      expect(rows).toHaveLength(PER_KEY_PER_MINUTE);
    },
  );

  it("records source, campaign and capture source; the lead reaches the owner's laptop live; history names the source", async () => {
    const south = await env.createTeam('华南');
    const rep = await env.addUser('rep', south, 'rep-li');
    const campaign = await call('POST', '/api/records/settings', {
      id: 'cmp-spring',
      kind: 'campaign',
      key: 'cmp-spring',
      teamId: '',
      value: {
        name: '春季展会',
        channel: 'exhibition',
        startDate: '2026-03-01',
        endDate: '2026-03-31',
        budget: 50_000,
        actualCost: 0,
        notes: '',
      },
    });
    expect(campaign.status).toBe(201);
    const key = await createKey({
      name: '春季展会表单',
      source: 'event',
      campaignId: 'cmp-spring',
      ownerId: rep.user.id,
    });
    const laptop = await env.connect(rep, { synced: true });

    const posted = await capture(key.key, {
      name: '赵六',
      company: '深圳海川电子有限公司',
      mobile: '139 2345 6789',
      region: 'guangdong',
      utm_medium: 'ignored',
    });
    expect(posted.status).toBe(201);
    await eventually(async () => {
      const lead = await laptop.repos.leads.get(posted.body.id);
      expect(lead).toMatchObject({
        name: '赵六',
        source: 'event',
        campaignId: 'cmp-spring',
        captureSource: '春季展会表单',
        ownerId: rep.user.id,
        teamId: south,
        status: 'new',
        mobile: '13923456789',
      });
    });

    const history = await call<HistoryEntry[]>(
      'GET',
      `/api/records/leads/${posted.body.id}/history`,
    );
    expect(history.status).toBe(200);
    expect(history.body.length).toBeGreaterThan(0);
    for (const entry of history.body)
      expect(entry).toMatchObject({ userId: key.id, userName: '春季展会表单', kind: 'create' });

    // The post's own source and campaign (named by its name) win over the key's.
    const named = await capture(key.key, { name: '钱七', source: 'ads', campaign: '春季展会' });
    expect(await readLead(named.body.id)).toMatchObject({
      source: 'ads',
      campaignId: 'cmp-spring',
    });

    const listed = await call<CaptureKeyRow[]>('GET', '/api/capture-keys');
    expect(listed.body.find((k) => k.id === key.id)?.lastUsedAt).toEqual(expect.any(Number));
  });

  it('a key without a default owner stores the lead unowned, visible to the admin', async () => {
    const key = await createKey({ name: '公海表单' });
    const admin = await env.connect(env.admin, { synced: true });
    const posted = await capture(key.key, { name: '孙八', email: 'sun@example.com' });
    expect(posted.status).toBe(201);
    await eventually(async () =>
      expect(await admin.repos.leads.get(posted.body.id)).toMatchObject({
        ownerId: '',
        captureSource: '公海表单',
        source: 'form',
      }),
    );
  });

  it('an admin may not name a default owner or campaign that does not exist', async () => {
    const bad = await call<{ error: ApiError }>('POST', '/api/capture-keys', {
      name: '错的',
      ownerId: 'user-nobody',
      campaignId: 'cmp-nope',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.map((i) => i.path).sort()).toEqual(['campaignId', 'ownerId']);
  });

  // Last: it spends this address's budget of bad keys (earlier tests spent a few).
  it('an address that keeps presenting bad keys gets 429 before the keys are looked at', async () => {
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof capture>> | undefined;
    for (let i = 0; i <= BAD_KEYS_PER_MINUTE && !limited; i++) {
      const answer = await capture(`crmcap_guess-${i}`, { name: 'x' });
      statuses.push(answer.status);
      if (answer.status === 429) limited = answer;
    }
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    expect(limited?.status).toBe(429);
    expect(Number(limited?.retryAfter)).toBeGreaterThanOrEqual(1);
    // A real key from the same address is refused too until the minute is over: the address is the flooder.
    const key = await createKey({ name: '被连累' });
    expect((await capture(key.key, { name: 'y' })).status).toBe(429);
  });
});
