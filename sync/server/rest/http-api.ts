import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { COLLECTION_NAMES, type CollectionName } from '@shared/domain';
import {
  collectionNameSchema,
  createInviteBody,
  createTeamBody,
  createWorkspaceBody,
  joinBody,
  loginBody,
  MAX_PULL_BATCH,
  refreshBody,
  updateUserBody,
  type Principal,
} from '@shared/sync';
import type { AuthService } from '../auth/auth-service';
import type { AdminService } from '../admin/admin-service';
import type { RecordStore } from '../records/record-store';
import { ApiFailure } from '../errors';
import type { Logger } from '../log';
import { buildOpenApiDocument } from './openapi';

const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpApiDeps {
  auth: AuthService;
  admin: AdminService;
  records: RecordStore;
  log: Logger;
  health: () => Record<string, unknown>;
}

type Handler = (ctx: {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  principal: () => Promise<Principal>;
}) => Promise<unknown>;
interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
  status?: number;
}

function route(method: string, path: string, handler: Handler, status?: number): Route {
  const keys: string[] = [];
  const pattern = new RegExp(
    '^' +
      path.replace(/:(\w+)/g, (_m, key: string) => {
        keys.push(key);
        return '([^/]+)';
      }) +
      '$',
  );
  return { method, pattern, keys, handler, status };
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new ApiFailure(
      400,
      'invalid_body',
      'The request body is not valid',
      result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  return result.data;
}

function collectionParam(value: string | undefined): CollectionName {
  const parsed = collectionNameSchema.safeParse(value);
  if (!parsed.success)
    throw new ApiFailure(
      404,
      'unknown_collection',
      `Unknown collection; one of ${COLLECTION_NAMES.join(', ')}`,
    );
  return parsed.data;
}

/**
 * The REST API (documented at GET /openapi.json): sign-in, workspace admin, and reading/writing records for
 * integrations that do not speak the sync protocol. Writes go through the same RecordStore pipeline as
 * sync pushes, so validation, rules and permissions are identical.
 */
export function createHttpApi(
  deps: HttpApiDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { auth, admin, records } = deps;
  const writeRecord = async (
    principal: Principal,
    collection: CollectionName,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ) => {
    const scope = await auth.scopeOf(principal);
    const result = await records.push(principal, scope, collection, [
      {
        assumedMasterState: before ? { ...before, id: String(before.id) } : null,
        newDocumentState: { ...after, id: String(after.id) },
      },
    ]);
    const rejection = result.rejected[0];
    if (rejection)
      throw new ApiFailure(
        rejection.reason === 'sync.rejected.validation' ? 422 : 403,
        rejection.reason,
        `The server did not accept this change (${rejection.reason})`,
        rejection.issues,
      );
    return records.get(principal, scope, collection, String(after.id));
  };

  const routes: Route[] = [
    route('GET', '/health', () => Promise.resolve({ status: 'ok', ...deps.health() })),
    route('GET', '/openapi.json', () => Promise.resolve(buildOpenApiDocument())),
    route(
      'POST',
      '/api/workspaces',
      ({ body }) => admin.createWorkspace(parse(createWorkspaceBody, body)),
      201,
    ),
    route('POST', '/api/auth/login', ({ body }) => {
      const b = parse(loginBody, body);
      return auth.login(b.email, b.password, b.deviceName);
    }),
    route('POST', '/api/auth/join', ({ body }) => admin.join(parse(joinBody, body)), 201),
    route('POST', '/api/auth/refresh', ({ body }) =>
      auth.refresh(parse(refreshBody, body).refreshToken),
    ),
    route('POST', '/api/auth/logout', async ({ body }) => {
      await auth.logout(parse(refreshBody, body).refreshToken);
      return { ok: true };
    }),
    route('GET', '/api/me', async ({ principal }) => principal()),
    route('GET', '/api/teams', async ({ principal }) => admin.listTeams(await principal())),
    route(
      'POST',
      '/api/teams',
      async ({ principal, body }) =>
        admin.createTeam(await principal(), parse(createTeamBody, body)),
      201,
    ),
    route('GET', '/api/users', async ({ principal }) => admin.listUsers(await principal())),
    route('PATCH', '/api/users/:id', async ({ principal, params, body }) => {
      await admin.updateUser(await principal(), params.id, parse(updateUserBody, body));
      return { ok: true };
    }),
    route(
      'POST',
      '/api/invites',
      async ({ principal, body }) =>
        admin.createInvite(await principal(), parse(createInviteBody, body)),
      201,
    ),
    route('GET', '/api/devices', async ({ principal }) => admin.listDevices(await principal())),
    route('POST', '/api/devices/:id/revoke', async ({ principal, params }) => {
      await admin.revokeDevice(await principal(), params.id);
      return { ok: true };
    }),
    route('GET', '/api/records/:collection', async ({ principal, params, query }) => {
      const p = await principal();
      const since = Number(query.get('since') ?? 0);
      const limit = Math.min(Number(query.get('limit') ?? 100), MAX_PULL_BATCH);
      if (!Number.isInteger(since) || since < 0 || !Number.isInteger(limit) || limit < 1)
        throw new ApiFailure(400, 'invalid_query', 'since and limit must be non-negative integers');
      return records.pull(
        p,
        await auth.scopeOf(p),
        collectionParam(params.collection),
        { seq: since },
        limit,
      );
    }),
    route('GET', '/api/records/:collection/:id', async ({ principal, params }) => {
      const p = await principal();
      const record = await records.get(
        p,
        await auth.scopeOf(p),
        collectionParam(params.collection),
        params.id,
      );
      if (!record) throw new ApiFailure(404, 'not_found', 'No such record (or not visible to you)');
      return record;
    }),
    route('GET', '/api/records/:collection/:id/history', async ({ principal, params }) => {
      const p = await principal();
      const history = await records.history(
        p,
        await auth.scopeOf(p),
        collectionParam(params.collection),
        params.id,
      );
      if (!history)
        throw new ApiFailure(404, 'not_found', 'No such record (or not visible to you)');
      return history;
    }),
    route(
      'POST',
      '/api/records/:collection',
      async ({ principal, params, body }) => {
        const p = await principal();
        const fields = parse(z.record(z.string(), z.unknown()), body);
        const now = Date.now();
        const record = {
          teamId: p.teamIds[0] ?? '',
          ownerId: p.userId,
          ...fields,
          id: typeof fields.id === 'string' ? fields.id : randomUUID(),
          workspaceId: p.workspaceId,
          createdAt: now,
          updatedAt: now,
          createdBy: p.userId,
          updatedBy: p.userId,
          deleted: false,
        };
        return writeRecord(p, collectionParam(params.collection), null, record);
      },
      201,
    ),
    route('PATCH', '/api/records/:collection/:id', async ({ principal, params, body }) => {
      const p = await principal();
      const collection = collectionParam(params.collection);
      const current = await records.get(p, await auth.scopeOf(p), collection, params.id);
      if (!current)
        throw new ApiFailure(404, 'not_found', 'No such record (or not visible to you)');
      const patch = parse(z.record(z.string(), z.unknown()), body);
      return writeRecord(p, collection, current, {
        ...current,
        ...patch,
        id: current.id,
        updatedAt: Date.now(),
      });
    }),
    route('DELETE', '/api/records/:collection/:id', async ({ principal, params }) => {
      const p = await principal();
      const collection = collectionParam(params.collection);
      const current = await records.get(p, await auth.scopeOf(p), collection, params.id);
      if (!current)
        throw new ApiFailure(404, 'not_found', 'No such record (or not visible to you)');
      await writeRecord(p, collection, current, {
        ...current,
        deleted: true,
        deletedAt: Date.now(),
        updatedAt: Date.now(),
      });
      return { ok: true };
    }),
  ];

  return (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE, OPTIONS');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    void handle(req, res).catch((error: unknown) => sendError(res, error, deps.log));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = routes
      .map((r) => ({ r, m: r.method === req.method ? r.pattern.exec(url.pathname) : null }))
      .find((x) => x.m);
    if (!match?.m) throw new ApiFailure(404, 'not_found', `No route ${req.method} ${url.pathname}`);
    const params = Object.fromEntries(
      match.r.keys.map((key, i) => [key, decodeURIComponent(match.m![i + 1])]),
    );
    const body = req.method === 'POST' || req.method === 'PATCH' ? await readJson(req) : undefined;
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const result = await match.r.handler({
      req,
      params,
      query: url.searchParams,
      body,
      principal: () => auth.authenticate(bearer),
    });
    res
      .writeHead(match.r.status ?? 200, { 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify(result));
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new ApiFailure(
        413,
        'body_too_large',
        `Request bodies are limited to ${MAX_BODY_BYTES} bytes`,
      );
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiFailure(400, 'malformed_json', 'The request body is not valid JSON');
  }
}

function sendError(res: ServerResponse, error: unknown, log: Logger): void {
  const failure =
    error instanceof ApiFailure ? error : new ApiFailure(500, 'server_error', 'Internal error');
  if (!(error instanceof ApiFailure))
    log.error({ err: error instanceof Error ? error.stack : String(error) }, 'request failed');
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(failure.status, { 'content-type': 'application/json; charset=utf-8' }).end(
    JSON.stringify({
      error: { code: failure.code, message: failure.message, issues: failure.issues },
    }),
  );
}
