import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createWorkspaceBody,
  joinBody,
  loginBody,
  okResponse,
  refreshBody,
  sessionResponse,
  SOCKET_TICKETS_PATH,
  socketTicketResponse,
} from '@shared/sync';
import { errorResponses } from './error-replies';
import { REFRESH_LIMIT_FACTOR } from '../config';
import { rateLimited } from './rate-limit';
import { principalOf, PUBLIC, SIGNED_IN, type HttpApiDeps } from './route-kit';
import { isLoopbackAddress, type CreationCaller } from '../admin/workspace-creation';

/**
 * Creating a workspace, signing in, joining with an invite, refreshing and signing out; socket tickets (they
 * open a WebSocket as the caller, so they are credentials too and share the no-store answers).
 */
export const authRoutes: FastifyPluginAsyncZod<{ deps: HttpApiDeps; authPerMinute: number }> = (
  app,
  { deps, authPerMinute },
) => {
  const { auth, admin } = deps;
  const limited = rateLimited(authPerMinute);
  const refreshLimited = rateLimited(authPerMinute * REFRESH_LIMIT_FACTOR);
  // These answers carry tokens: no browser, proxy or CDN may keep a copy (RFC 6749 5.1). The hook is
  // scoped to this plugin, so it covers exactly the auth routes.
  app.addHook('onSend', (_req, reply, payload, done) => {
    void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    done(null, payload);
  });
  app.post('/api/workspaces', {
    config: limited,
    schema: {
      operationId: 'createWorkspace',
      summary: 'Create a workspace; the person named becomes its admin and is signed in',
      description:
        'Who may call it is a server setting (`--workspace-creation`): `first` (default) lets anyone create ' +
        "the server's first workspace and then only an admin of a workspace on this server (Bearer token); " +
        '`admin` lets only a request from the server machine create the first one, then only admins; `open` ' +
        'lets anyone. Refused: 403 `workspace_creation_closed`, whatever the e-mail.',
      tags: ['auth'],
      // Anonymous, or an admin's access token (needed once the server has a workspace, unless `open`).
      security: [{}, ...SIGNED_IN],
      body: createWorkspaceBody,
      response: {
        201: {
          description: 'Signed in',
          content: { 'application/json': { schema: sessionResponse } },
        },
        ...errorResponses([400, 401, 403, 409, 413, 415, 429]),
      },
    },
    handler: async (req, reply) => {
      const caller: CreationCaller = req.headers.authorization
        ? { kind: 'signed-in', admin: (await principalOf(auth, req)).role === 'admin' }
        : { kind: 'anonymous', fromThisMachine: isLoopbackAddress(req.ip) };
      return reply.code(201).send(await admin.createWorkspace(req.body, caller));
    },
  });
  app.post(SOCKET_TICKETS_PATH, {
    schema: {
      operationId: 'createSocketTicket',
      summary: 'A single-use ticket (about 30 s) that opens one WebSocket as this device',
      description:
        'Open `/sync?ticket=…` or `/yjs/{doc}?ticket=…` with it: the access token stays out of URLs. A ' +
        'ticket that is unknown, used or expired closes the socket with 4401 (ask for a new one).',
      tags: ['auth'],
      security: SIGNED_IN,
      response: {
        201: {
          description: 'The ticket',
          content: { 'application/json': { schema: socketTicketResponse } },
        },
        ...errorResponses([401, 403]),
      },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await auth.issueSocketTicket(await principalOf(auth, req))),
  });
  app.post('/api/auth/login', {
    config: limited,
    schema: {
      operationId: 'signIn',
      summary: 'Sign in with e-mail and password (a new device session)',
      tags: ['auth'],
      security: PUBLIC,
      body: loginBody,
      response: {
        200: {
          description: 'Signed in',
          content: { 'application/json': { schema: sessionResponse } },
        },
        ...errorResponses([400, 401, 403, 413, 415, 429]),
      },
    },
    handler: (req) => auth.login(req.body.email, req.body.password, req.body.deviceName),
  });
  app.post('/api/auth/join', {
    config: limited,
    schema: {
      operationId: 'joinWorkspace',
      summary: 'Join a workspace with an invite code (creates the account and signs in)',
      tags: ['auth'],
      security: PUBLIC,
      body: joinBody,
      response: {
        201: {
          description: 'Signed in',
          content: { 'application/json': { schema: sessionResponse } },
        },
        ...errorResponses([400, 413, 415, 429]),
      },
    },
    handler: async (req, reply) => reply.code(201).send(await admin.join(req.body)),
  });
  app.post('/api/auth/refresh', {
    config: refreshLimited,
    schema: {
      operationId: 'refreshSession',
      summary: 'Exchange a refresh token for new tokens (the old refresh token stops working)',
      tags: ['auth'],
      security: PUBLIC,
      body: refreshBody,
      response: {
        200: {
          description: 'New tokens',
          content: { 'application/json': { schema: sessionResponse } },
        },
        ...errorResponses([400, 401, 403, 413, 415, 429]),
      },
    },
    handler: (req) => auth.refresh(req.body.refreshToken),
  });
  app.post('/api/auth/logout', {
    schema: {
      operationId: 'signOut',
      summary: "Revoke this device's refresh token (unknown tokens are ignored)",
      tags: ['auth'],
      security: PUBLIC,
      body: refreshBody,
      response: {
        200: { description: 'Signed out', content: { 'application/json': { schema: okResponse } } },
        ...errorResponses([400, 413, 415]),
      },
    },
    handler: async (req) => {
      await auth.logout(req.body.refreshToken);
      return { ok: true as const };
    },
  });
  return Promise.resolve();
};
