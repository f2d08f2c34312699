import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createInviteBody,
  createTeamBody,
  deviceRowResponse,
  idParams,
  inviteResponse,
  okResponse,
  principalResponse,
  teamRowResponse,
  updateUserBody,
  userRowResponse,
} from '@shared/sync';
import { errorResponses } from './error-replies';
import { principalOf, SIGNED_IN, type HttpApiDeps } from './route-kit';

const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/** Who am I, teams, users, invites and devices of the caller's workspace. */
export const adminRoutes: FastifyPluginAsyncZod<{ deps: HttpApiDeps }> = (app, { deps }) => {
  const { auth, admin } = deps;
  const principal = principalOf.bind(null, auth);
  app.get('/api/me', {
    schema: {
      operationId: 'getMe',
      summary: 'Who am I (the person and device behind the access token)',
      tags: ['workspace'],
      security: SIGNED_IN,
      response: { 200: json('The principal', principalResponse), ...errorResponses([401, 403]) },
    },
    handler: async (req) => {
      const p = await principal(req);
      return { ...p, teamIds: [...p.teamIds], readOnlyTeamIds: [...(p.readOnlyTeamIds ?? [])] };
    },
  });
  app.get('/api/teams', {
    schema: {
      operationId: 'listTeams',
      summary: 'Teams of the workspace',
      tags: ['workspace'],
      security: SIGNED_IN,
      response: { 200: json('Teams', z.array(teamRowResponse)), ...errorResponses([401, 403]) },
    },
    handler: async (req) => admin.listTeams(await principal(req)),
  });
  app.post('/api/teams', {
    schema: {
      operationId: 'createTeam',
      summary: 'Create a team under a parent team (admin)',
      tags: ['workspace'],
      security: SIGNED_IN,
      body: createTeamBody,
      response: {
        201: json('The new team', teamRowResponse),
        ...errorResponses([400, 401, 403, 413, 415]),
      },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await admin.createTeam(await principal(req), req.body)),
  });
  app.get('/api/users', {
    schema: {
      operationId: 'listUsers',
      summary: 'Users of the workspace',
      tags: ['workspace'],
      security: SIGNED_IN,
      response: { 200: json('Users', z.array(userRowResponse)), ...errorResponses([401, 403]) },
    },
    handler: async (req) => admin.listUsers(await principal(req)),
  });
  app.patch('/api/users/:id', {
    schema: {
      operationId: 'updateUser',
      summary: "Change a user's role, teams or whether the account is active (admin)",
      tags: ['workspace'],
      security: SIGNED_IN,
      params: idParams,
      body: updateUserBody,
      response: {
        200: json('Updated', okResponse),
        ...errorResponses([400, 401, 403, 404, 413, 415]),
      },
    },
    handler: async (req) => {
      await admin.updateUser(await principal(req), req.params.id, req.body);
      return { ok: true as const };
    },
  });
  app.post('/api/invites', {
    schema: {
      operationId: 'createInvite',
      summary: 'Create an invite code for a role and team (admin)',
      tags: ['workspace'],
      security: SIGNED_IN,
      body: createInviteBody,
      response: {
        201: json('The invite code', inviteResponse),
        ...errorResponses([400, 401, 403, 413, 415]),
      },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await admin.createInvite(await principal(req), req.body)),
  });
  app.get('/api/devices', {
    schema: {
      operationId: 'listDevices',
      summary: 'Signed-in devices of the workspace (admin)',
      tags: ['workspace'],
      security: SIGNED_IN,
      response: { 200: json('Devices', z.array(deviceRowResponse)), ...errorResponses([401, 403]) },
    },
    handler: async (req) => admin.listDevices(await principal(req)),
  });
  app.post('/api/devices/:id/revoke', {
    schema: {
      operationId: 'revokeDevice',
      summary: 'Revoke a device; it wipes its replica when it next connects (admin)',
      tags: ['workspace'],
      security: SIGNED_IN,
      params: idParams,
      response: {
        200: json('Revoked', okResponse),
        ...errorResponses([400, 401, 403, 404, 413, 415]),
      },
    },
    handler: async (req) => {
      await admin.revokeDevice(await principal(req), req.params.id);
      return { ok: true as const };
    },
  });
  return Promise.resolve();
};
