import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createWorkspaceBody,
  joinBody,
  loginBody,
  okResponse,
  refreshBody,
  sessionResponse,
} from '@shared/sync';
import { errorResponses } from './error-replies';
import { REFRESH_LIMIT_FACTOR } from '../config';
import { rateLimited } from './rate-limit';
import { PUBLIC, type HttpApiDeps } from './route-kit';

/** Creating a workspace, signing in, joining with an invite, refreshing and signing out. */
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
      summary: 'Create a workspace; the caller becomes its admin and is signed in',
      tags: ['auth'],
      security: PUBLIC,
      body: createWorkspaceBody,
      response: {
        201: {
          description: 'Signed in',
          content: { 'application/json': { schema: sessionResponse } },
        },
        ...errorResponses([400, 409, 413, 415, 429]),
      },
    },
    handler: async (req, reply) => reply.code(201).send(await admin.createWorkspace(req.body)),
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
        ...errorResponses([400, 409, 413, 415, 429]),
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
