import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../shared/sync';
import { startSyncServer, type RunningServer } from '../../sync/server/server';
import { freshDatabase } from './test-database';
import { invalidValueFor, valueFor, type JsonSchema } from './schema-arbitrary';

/**
 * The API against its own document (GET /openapi.json), property-based: for every documented operation,
 * inputs generated from the document (valid ones, and ones broken in one way each) are sent to a real
 * server over HTTP, and every answer must be documented for that operation (status, and the body against
 * its schema), never a 5xx.
 *
 * Why not a ready-made tester: schemathesis is Python (not reachable here); of the npm ones none is
 * installed in this tree (new packages wait for the lead), and dredd replays the document's examples rather
 * than generating inputs. So inputs come from fast-check arbitraries built from the document's JSON
 * schemas (schema-arbitrary.ts), and answers are checked with Ajv's JSON Schema 2020-12 validator (OpenAPI
 * 3.1's dialect), which Fastify already brings.
 */

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}
interface ResponseDoc {
  content?: { 'application/json'?: { schema: JsonSchema }; 'text/html'?: { schema: JsonSchema } };
  headers?: Record<string, unknown>;
}
interface OperationDoc {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, ResponseDoc>;
  security?: unknown[];
}
interface Document {
  paths: Record<string, Record<string, OperationDoc>>;
  components: { schemas: Record<string, JsonSchema> };
}
interface Operation extends OperationDoc {
  method: string;
  path: string;
}
interface Call {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
  token?: string;
  contentType?: string;
  /** Broken in a way no reading of the document accepts (the answer must be 4xx); else only "as documented". */
  mustFail?: boolean;
}

const RUNS = Number(process.env.CONTRACT_RUNS ?? 12);

let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
let server: RunningServer;
let doc: Document;
let admin: SessionResponse;
let member: SessionResponse;
const knownIds: string[] = [];
let ajv: Ajv2020;

const resolve = (ref: string): JsonSchema => {
  const name = ref.replace('#/components/schemas/', '');
  const schema = doc.components.schemas[name];
  if (!schema) throw new Error(`unresolved ${ref}`);
  return schema;
};

async function request(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(server.url + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

function operations(): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })),
  );
}

const pointer = (...segments: string[]) =>
  segments.map((s) => encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** Sends one call as documented for `op` and checks the answer against the document. */
async function callAndCheck(op: Operation, call: Call): Promise<number> {
  let path = op.path;
  for (const [name, value] of Object.entries(call.params))
    path = path.replace(`{${name}}`, encodeURIComponent(asText(value)));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(call.query))
    if (value !== undefined) query.set(name, asText(value));
  const url = `${server.url}${path}${query.size > 0 ? `?${query}` : ''}`;
  const hasBody = call.body !== undefined;
  const response = await fetch(url, {
    method: op.method,
    headers: {
      ...(hasBody ? { 'content-type': call.contentType ?? 'application/json' } : {}),
      ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
    },
    body: hasBody ? JSON.stringify(call.body) : undefined,
  });
  const text = await response.text();
  const what = `${op.operationId} ${op.method} ${url} ${hasBody ? JSON.stringify(call.body).slice(0, 300) : ''} → ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, what).toBeLessThan(500);
  const documented = op.responses[String(response.status)];
  expect(documented, `undocumented status: ${what}`).toBeDefined();
  const schema = documented?.content?.['application/json']?.schema;
  if (schema) {
    const validate = ajv.getSchema(
      `doc#/${pointer('paths', op.path, op.method.toLowerCase(), 'responses', String(response.status), 'content', 'application/json', 'schema')}`,
    );
    expect(validate, `no validator for ${what}`).toBeDefined();
    const body = JSON.parse(text) as unknown;
    const valid = validate!(body);
    expect(valid, `${what}\n${JSON.stringify(validate!.errors?.slice(0, 3))}`).toBe(true);
  }
  if (response.status === 429) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  return response.status;
}

/** Path ids: now and then one that exists (so 200 paths run), otherwise whatever the schema allows. */
function parameterValue(parameter: Parameter): fc.Arbitrary<unknown> {
  const generated = valueFor(parameter.schema, resolve);
  if (parameter.in === 'path' && parameter.name === 'id')
    return fc.oneof(fc.constantFrom(...knownIds), generated);
  return generated;
}

const contactFields = {
  accountId: '',
  name: '张三',
  title: '',
  department: '',
  mobile: '',
  email: '',
  phone: '',
  wechat: '',
  decisionRole: '',
  decisionPower: '',
  birthday: '',
  notes: '',
};
let contactId = '';

/**
 * Calls that reach the success path (random e-mails do not sign in, random ids are rarely found), mixed
 * into the generated ones so the 2xx answers are checked too.
 */
function knownGoodCall(op: Operation): Call | null {
  const record = { collection: 'contacts', id: contactId };
  const signedIn = { query: {}, token: admin.accessToken };
  switch (op.operationId) {
    case 'signIn':
      return {
        params: {},
        query: {},
        body: { email: admin.user.email, password: 'correct horse', deviceName: 'contract' },
      };
    case 'createRecord':
      return { ...signedIn, params: { collection: 'contacts' }, body: contactFields };
    case 'getRecord':
    case 'getRecordHistory':
    case 'deleteRecord':
      return { ...signedIn, params: record };
    case 'changeRecord':
      return { ...signedIn, params: record, body: { notes: '契约测试改的' } };
    case 'previewHandover':
    case 'executeHandover':
      // The rep owns nothing: the handover answers empty counts, and nobody is deactivated.
      return {
        ...signedIn,
        params: {},
        body: { fromUserId: member.user.id, toUserId: admin.user.id },
      };
    default:
      return null;
  }
}

function validCall(op: Operation): fc.Arbitrary<Call> {
  const generated = generatedCall(op);
  const known = knownGoodCall(op);
  return known ? fc.oneof(generated, fc.constant(known)) : generated;
}

function generatedCall(op: Operation): fc.Arbitrary<Call> {
  const params = op.parameters ?? [];
  const pick = (where: Parameter['in']) =>
    fc.record(
      Object.fromEntries(
        params.filter((p) => p.in === where).map((p) => [p.name, parameterValue(p)]),
      ),
      { requiredKeys: params.filter((p) => p.in === where && p.required).map((p) => p.name) },
    );
  const bodySchema = op.requestBody?.content['application/json'].schema;
  return fc.record({
    params: pick('path'),
    query: pick('query'),
    body: bodySchema ? valueFor(bodySchema, resolve) : fc.constant(undefined),
    token: fc.constant(op.security?.length ? admin.accessToken : undefined),
  });
}

/** The body with NUL text in it: as a string field of an object, or as the whole body. */
function withNul(body: unknown, text: string): unknown {
  const nul = `${text}\u0000${text}`;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return nul;
  const keys = Object.keys(body);
  return { ...body, [keys[text.length % Math.max(keys.length, 1)] ?? 'name']: nul };
}

/** One thing wrong per call: the body, a parameter, the token or the content type. */
function invalidCall(op: Operation): fc.Arbitrary<Call> | null {
  const bodySchema = op.requestBody?.content['application/json'].schema;
  const variants: fc.Arbitrary<Call>[] = [];
  if (bodySchema) {
    variants.push(
      validCall(op).chain((call) =>
        invalidValueFor(bodySchema, resolve).map((body) => ({ ...call, body })),
      ),
      validCall(op).map((call) => ({ ...call, contentType: 'text/plain', mustFail: true })),
      validCall(op).map((call) => ({ ...call, body: undefined, mustFail: true })),
      validCall(op).chain((call) =>
        fc
          .string({ maxLength: 4 })
          .map((text) => ({ ...call, body: withNul(call.body, text), mustFail: true })),
      ),
    );
  }
  for (const parameter of op.parameters ?? [])
    variants.push(
      validCall(op).chain((call) =>
        fc
          .oneof(
            invalidValueFor(parameter.schema, resolve).filter(
              (v) => v !== null && typeof v !== 'object',
            ),
            fc.constantFrom('\u0000', 'a\u0000b', '%E0%A4%A', '-1', 'x'.repeat(100)),
          )
          .map((value) => ({
            ...call,
            [parameter.in === 'path' ? 'params' : 'query']: {
              ...(parameter.in === 'path' ? call.params : call.query),
              [parameter.name]: value,
            },
          })),
      ),
    );
  if (op.security?.length)
    variants.push(
      validCall(op).chain((call) =>
        fc
          .constantFrom(undefined, 'not-a-token', `${admin.accessToken}x`)
          .map((token) => ({ ...call, token, mustFail: true })),
      ),
    );
  return variants.length > 0 ? fc.oneof(...variants) : null;
}

beforeAll(async () => {
  database = await freshDatabase('crm-contract');
  // The limit is off here (many sign-in calls by design); the limit itself is checked in http-policies.test.ts.
  server = await startSyncServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: database.dataDir,
    databaseUrl: database.databaseUrl,
    logLevel: 'silent',
    authRateLimit: 0,
  });
  doc = (await request('GET', '/openapi.json')).body as Document;
  // Formats are not this test's subject (the routes' zod schemas check them); shapes and bounds are.
  ajv = new Ajv2020({ strict: false, validateFormats: false });
  ajv.addSchema(doc, 'doc');

  const created = await request('POST', '/api/workspaces', {
    workspaceName: '契约测试',
    name: '管理员',
    email: 'admin@contract.example.com',
    password: 'correct horse',
    deviceName: 'contract',
  });
  admin = created.body as SessionResponse;
  const team = await request('POST', '/api/teams', { name: '华东' }, admin.accessToken);
  const invite = await request(
    'POST',
    '/api/invites',
    { role: 'rep', teamId: (team.body as { id: string }).id },
    admin.accessToken,
  );
  member = (
    await request('POST', '/api/auth/join', {
      inviteCode: (invite.body as { code: string }).code,
      name: '销售',
      email: 'rep@contract.example.com',
      password: 'correct horse',
      deviceName: 'contract',
    })
  ).body as SessionResponse;
  const contact = await request('POST', '/api/records/contacts', contactFields, admin.accessToken);
  expect(contact.status, JSON.stringify(contact.body)).toBe(201);
  contactId = (contact.body as { id: string }).id;
  knownIds.push(
    member.user.id,
    member.deviceId,
    (team.body as { id: string }).id,
    (contact.body as { id: string }).id,
  );
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

describe('the REST API conforms to its OpenAPI document', () => {
  it('documents every operation with an id, a success schema and a required body where it reads one', () => {
    for (const op of operations()) {
      expect(op.operationId, `${op.method} ${op.path}`).toBeTruthy();
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect(success.length, op.operationId).toBeGreaterThan(0);
      // JSON everywhere but the customer's survey pages (HTML).
      for (const [, response] of success)
        expect(
          response.content?.['application/json']?.schema ?? response.content?.['text/html']?.schema,
          op.operationId,
        ).toBeDefined();
      if (op.requestBody) expect(op.requestBody.required, op.operationId).toBe(true);
    }
    expect(operations().length).toBeGreaterThanOrEqual(20);
  });

  it('answers generated valid inputs as documented', async () => {
    for (const op of operations())
      await fc.assert(
        fc.asyncProperty(validCall(op), async (call) => {
          await callAndCheck(op, call);
        }),
        { numRuns: RUNS },
      );
  }, 240_000);

  it('answers generated invalid inputs with a documented client error, never a 5xx', async () => {
    for (const op of operations()) {
      const calls = invalidCall(op);
      if (!calls) continue; // nothing to get wrong (GET /health takes no input)
      await fc.assert(
        fc.asyncProperty(calls, async (call) => {
          const status = await callAndCheck(op, call);
          if (call.mustFail) expect(status, op.operationId).toBeGreaterThanOrEqual(400);
        }),
        { numRuns: RUNS },
      );
    }
  }, 240_000);

  it('answers a method a path does not have with 405 and Allow', async () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      const documented = Object.keys(item).map((m) => m.toUpperCase());
      const missing = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].find(
        (m) => !documented.includes(m),
      );
      if (!missing) continue;
      const url = server.url + path.replace('{collection}', 'accounts').replace('{id}', 'x');
      const response = await fetch(url, { method: missing });
      expect(response.status, `${missing} ${path}`).toBe(405);
      for (const method of documented) expect(response.headers.get('allow')).toContain(method);
      expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
      if (!documented.includes('GET')) {
        // HEAD is GET without a body: a path without GET has no HEAD either.
        const head = await fetch(url, { method: 'HEAD' });
        expect(head.status, `HEAD ${path}`).toBe(405);
        expect(head.headers.get('allow')).not.toContain('HEAD');
      }
    }
  });
});

describe('the REST API refuses bad input with 4xx, never 500', () => {
  const post = (path: string, body: unknown, token?: string) => request('POST', path, body, token);

  it('refuses NUL characters in strings that would reach the database', async () => {
    const joined = await post('/api/auth/join', {
      inviteCode: 'abc\u0000def',
      name: '李四',
      email: 'nul@contract.example.com',
      password: 'correct horse',
      deviceName: 'laptop',
    });
    expect(joined).toMatchObject({ status: 400, body: { error: { code: 'invalid_text' } } });
    const signIn = await post('/api/auth/login', {
      email: admin.user.email,
      password: 'correct horse',
      deviceName: 'lap\u0000top',
    });
    expect(signIn.status).toBe(400);
    const team = await post('/api/teams', { name: '华\u0000南' }, admin.accessToken);
    expect(team.status).toBe(400);
    const byId = await fetch(`${server.url}/api/records/accounts/%00`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(byId.status).toBe(400);
  });

  it('refuses malformed escapes, limits above the maximum, other media types and large bodies', async () => {
    const escape = await fetch(`${server.url}/api/records/accounts/%E0%A4%A`);
    expect(escape.status).toBe(400);
    expect(await escape.json()).toMatchObject({ error: { code: 'malformed_url' } });
    const tooMany = await request(
      'GET',
      '/api/records/accounts?limit=1001',
      undefined,
      admin.accessToken,
    );
    expect(tooMany).toMatchObject({ status: 400, body: { error: { code: 'invalid_query' } } });
    const text = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(text.status).toBe(415);
    const large = await post('/api/teams', { name: 'x'.repeat(1024 * 1024) }, admin.accessToken);
    expect(large).toMatchObject({ status: 413, body: { error: { code: 'body_too_large' } } });
    const unknown = await request('GET', '/api/records/nothing', undefined, admin.accessToken);
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'unknown_collection' } } });
  });
});
