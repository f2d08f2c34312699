import { z } from 'zod';
import type { SwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { entitySchemas } from '@shared/domain';
import { changeBodyComponent, createBodyComponent, SERVER_FILLED_FIELDS } from './record-bodies';

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, unknown>;
  required?: string[];
};
const OPTIONAL_ON_CREATE = new Set(['id', 'teamId', 'ownerId']);
const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'options', 'head', 'trace'];

function entityJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return json;
}

/** The entity without the server-filled fields; `required` keeps only what a body must carry. */
function bodySchema(entity: JsonSchema, keepRequired: boolean): JsonSchema {
  const properties = Object.fromEntries(
    Object.entries(entity.properties ?? {}).filter(
      ([name]) => !(SERVER_FILLED_FIELDS as readonly string[]).includes(name),
    ),
  );
  const required = keepRequired
    ? (entity.required ?? []).filter((name) => name in properties && !OPTIONAL_ON_CREATE.has(name))
    : [];
  const { required: _all, ...rest } = entity;
  return { ...rest, properties, ...(required.length > 0 ? { required } : {}) };
}

/** Entity schemas, and per collection the create and change bodies, as components.schemas. */
function recordComponents(): Record<string, JsonSchema> {
  const components: Record<string, JsonSchema> = {};
  for (const [collection, schema] of Object.entries(entitySchemas)) {
    const entity = entityJsonSchema(schema);
    components[collection] = entity;
    components[createBodyComponent(collection)] = bodySchema(entity, true);
    components[changeBodyComponent(collection)] = bodySchema(entity, false);
  }
  return components;
}

/** 429 answers carry Retry-After; the zod transform cannot say so per response, so it is added here. */
function documentRetryAfter(document: Record<string, unknown>): void {
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const item of Object.values(paths))
    for (const method of HTTP_METHODS) {
      const operation = item[method] as { responses?: Record<string, Record<string, unknown>> };
      const tooMany = operation?.responses?.['429'];
      if (tooMany)
        tooMany.headers = {
          'Retry-After': {
            description: 'Seconds until this address may call the route again',
            schema: { type: 'integer', minimum: 0 },
          },
        };
    }
}

/**
 * @fastify/swagger options: the document is generated from the routes' zod schemas (fastify-type-provider-zod
 * turns them into JSON Schema), plus the record components and the Retry-After headers.
 */
export function swaggerOptions(): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Field CRM sync server',
        version: '1',
        description:
          'REST API for sign-in, workspace administration and records. The same validation, business rules and permissions apply as for WebSocket sync (path /sync). Errors answer `{ error: { code, message, issues? } }`; a method a path does not have answers 405 with Allow.',
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      },
      servers: [
        {
          url: 'http://127.0.0.1:8787',
          description: 'A sync server on this machine (default port)',
        },
      ],
      tags: [
        { name: 'meta', description: 'Health' },
        {
          name: 'auth',
          description: 'Workspaces, sign-in and sessions (rate-limited per address)',
        },
        { name: 'workspace', description: 'People, teams, invites and devices' },
        { name: 'records', description: 'Records of the CRM collections' },
        {
          name: 'capture',
          description:
            'Lead capture: web forms and ad platforms post leads with a capture key per source (X-Api-Key); admins manage the keys',
        },
        {
          name: 'webhooks',
          description:
            'Outgoing webhooks (admin): signed deliveries of record events, retried from a durable queue',
        },
        {
          name: 'surveys',
          description:
            'Satisfaction surveys: one-time CSAT (ticket) and NPS (contact) tokens, and the public posts that record an answer once',
        },
      ],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'accessToken from /api/auth/login (15 minutes; renew with /api/auth/refresh)',
          },
          captureKey: {
            type: 'apiKey',
            in: 'header',
            name: 'X-Api-Key',
            description:
              'A capture key of a lead source (POST /api/capture-keys, shown once); only for POST /api/capture/leads',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => {
      const document = jsonSchemaTransformObject(input) as Record<string, unknown>;
      const components = (document.components ?? {}) as Record<string, unknown>;
      document.components = {
        ...components,
        schemas: { ...((components.schemas as object | undefined) ?? {}), ...recordComponents() },
      };
      documentRetryAfter(document);
      return document;
    },
  };
}
