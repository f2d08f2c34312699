import { z } from 'zod';
import { COLLECTION_NAMES, entitySchemas } from '@shared/domain';
import {
  createInviteBody,
  createTeamBody,
  createWorkspaceBody,
  historyEntrySchema,
  joinBody,
  loginBody,
  refreshBody,
  sessionResponse,
  updateUserBody,
  apiErrorResponse,
} from '@shared/sync';

const json = (schema: z.ZodType) => ({
  content: {
    'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
  },
});
const ok = (description: string, schema?: z.ZodType) => ({
  description,
  ...(schema ? json(schema) : {}),
});
const errors = {
  '400': ok('Invalid input', apiErrorResponse),
  '401': ok('Not signed in / token expired / device revoked', apiErrorResponse),
  '403': ok('Not allowed', apiErrorResponse),
};
const secured = [{ bearer: [] as string[] }];

/** The OpenAPI 3.1 document served at GET /openapi.json (request bodies from the shared zod schemas). */
export function buildOpenApiDocument(): Record<string, unknown> {
  const collectionParam = {
    name: 'collection',
    in: 'path',
    required: true,
    schema: { type: 'string', enum: COLLECTION_NAMES },
  };
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Field CRM sync server',
      version: '1',
      description:
        'REST API for sign-in, workspace administration and records. The same validation, business rules and permissions apply as for WebSocket sync (path /sync).',
    },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'accessToken from /api/auth/login (15 minutes; renew with /api/auth/refresh)',
        },
      },
      schemas: Object.fromEntries(
        Object.entries(entitySchemas).map(([name, schema]) => [
          name,
          z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
        ]),
      ),
    },
    paths: {
      '/health': {
        get: { summary: 'Liveness and basic facts', responses: { '200': ok('Healthy') } },
      },
      '/api/workspaces': {
        post: {
          summary: 'Create a workspace; the caller becomes its admin',
          requestBody: json(createWorkspaceBody),
          responses: {
            '201': ok('Signed in', sessionResponse),
            '409': ok('E-mail taken', apiErrorResponse),
            ...errors,
          },
        },
      },
      '/api/auth/login': {
        post: {
          summary: 'Sign in',
          requestBody: json(loginBody),
          responses: { '200': ok('Signed in', sessionResponse), ...errors },
        },
      },
      '/api/auth/join': {
        post: {
          summary: 'Join a workspace with an invite code',
          requestBody: json(joinBody),
          responses: { '201': ok('Signed in', sessionResponse), ...errors },
        },
      },
      '/api/auth/refresh': {
        post: {
          summary: 'Exchange a refresh token (rotated)',
          requestBody: json(refreshBody),
          responses: { '200': ok('New tokens', sessionResponse), ...errors },
        },
      },
      '/api/auth/logout': {
        post: {
          summary: "Revoke this device's refresh token",
          requestBody: json(refreshBody),
          responses: { '200': ok('Signed out') },
        },
      },
      '/api/me': {
        get: {
          summary: 'Who am I',
          security: secured,
          responses: { '200': ok('The principal'), ...errors },
        },
      },
      '/api/teams': {
        get: {
          summary: 'Teams of the workspace',
          security: secured,
          responses: { '200': ok('Teams'), ...errors },
        },
        post: {
          summary: 'Create a team (admin)',
          security: secured,
          requestBody: json(createTeamBody),
          responses: { '201': ok('Team'), ...errors },
        },
      },
      '/api/users': {
        get: {
          summary: 'Users of the workspace',
          security: secured,
          responses: { '200': ok('Users'), ...errors },
        },
      },
      '/api/users/{id}': {
        patch: {
          summary: 'Change role, teams or active (admin)',
          security: secured,
          parameters: [idParam],
          requestBody: json(updateUserBody),
          responses: { '200': ok('Updated'), ...errors },
        },
      },
      '/api/invites': {
        post: {
          summary: 'Create an invite code (admin)',
          security: secured,
          requestBody: json(createInviteBody),
          responses: { '201': ok('Invite code'), ...errors },
        },
      },
      '/api/devices': {
        get: {
          summary: 'Signed-in devices (admin)',
          security: secured,
          responses: { '200': ok('Devices'), ...errors },
        },
      },
      '/api/devices/{id}/revoke': {
        post: {
          summary: 'Revoke a device; it wipes its replica when it next connects (admin)',
          security: secured,
          parameters: [idParam],
          responses: { '200': ok('Revoked'), ...errors },
        },
      },
      '/api/records/{collection}': {
        get: {
          summary: 'Records changed after a sequence (paged), in your scope',
          security: secured,
          parameters: [
            collectionParam,
            { name: 'since', in: 'query', schema: { type: 'integer', minimum: 0 } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          ],
          responses: { '200': ok('documents, checkpoint, remaining'), ...errors },
        },
        post: {
          summary: 'Create a record (entity fields; meta filled by the server)',
          security: secured,
          parameters: [collectionParam],
          responses: {
            '201': ok('The stored record'),
            '422': ok('Rejected by validation', apiErrorResponse),
            ...errors,
          },
        },
      },
      '/api/records/{collection}/{id}': {
        get: {
          summary: 'One record',
          security: secured,
          parameters: [collectionParam, idParam],
          responses: {
            '200': ok('The record'),
            '404': ok('Not found', apiErrorResponse),
            ...errors,
          },
        },
        patch: {
          summary: 'Change fields of a record',
          security: secured,
          parameters: [collectionParam, idParam],
          responses: {
            '200': ok('The stored record'),
            '422': ok('Rejected by validation', apiErrorResponse),
            ...errors,
          },
        },
        delete: {
          summary: 'Soft-delete a record',
          security: secured,
          parameters: [collectionParam, idParam],
          responses: { '200': ok('Deleted'), ...errors },
        },
      },
      '/api/records/{collection}/{id}/history': {
        get: {
          summary: 'Field-level history (who, when, from, to; merges included)',
          security: secured,
          parameters: [collectionParam, idParam],
          responses: { '200': ok('History', z.array(historyEntrySchema)), ...errors },
        },
      },
    },
  };
}
