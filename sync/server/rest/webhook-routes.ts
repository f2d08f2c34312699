import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createdWebhookResponse,
  createWebhookBody,
  idParams,
  okResponse,
  updateWebhookBody,
  webhookDeliveriesQuery,
  webhookDeliveryResponse,
  webhookResponse,
} from '@shared/sync';
import { errorResponses } from './error-replies';
import { principalOf, SIGNED_IN, type HttpApiDeps } from './route-kit';

const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/** Outgoing webhooks of the caller's workspace (admins only; sync/server/webhooks/README.md). */
export const webhookRoutes: FastifyPluginAsyncZod<{ deps: HttpApiDeps }> = (app, { deps }) => {
  const { auth, webhooks } = deps;
  const principal = principalOf.bind(null, auth);
  app.get('/api/webhooks', {
    schema: {
      operationId: 'listWebhooks',
      summary: 'Webhooks of the workspace (admin; secrets are never listed)',
      tags: ['webhooks'],
      security: SIGNED_IN,
      response: { 200: json('Webhooks', z.array(webhookResponse)), ...errorResponses([401, 403]) },
    },
    handler: async (req) => webhooks.list(await principal(req)),
  });
  app.post('/api/webhooks', {
    schema: {
      operationId: 'createWebhook',
      summary:
        'Register a webhook (admin): http(s) URL on a public address, events; answers its signing secret, once',
      tags: ['webhooks'],
      security: SIGNED_IN,
      body: createWebhookBody,
      response: {
        201: json('The new webhook with its secret (shown only here)', createdWebhookResponse),
        ...errorResponses([400, 401, 403, 413, 415]),
      },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await webhooks.create(await principal(req), req.body)),
  });
  app.patch('/api/webhooks/:id', {
    schema: {
      operationId: 'updateWebhook',
      summary: "Change a webhook's URL, events or description, or pause and resume it (admin)",
      tags: ['webhooks'],
      security: SIGNED_IN,
      params: idParams,
      body: updateWebhookBody,
      response: {
        200: json('The webhook', webhookResponse),
        ...errorResponses([400, 401, 403, 404, 413, 415]),
      },
    },
    handler: async (req) => webhooks.update(await principal(req), req.params.id, req.body),
  });
  app.delete('/api/webhooks/:id', {
    schema: {
      operationId: 'deleteWebhook',
      summary: 'Delete a webhook and its delivery log (admin)',
      tags: ['webhooks'],
      security: SIGNED_IN,
      params: idParams,
      response: { 200: json('Deleted', okResponse), ...errorResponses([400, 401, 403, 404]) },
    },
    handler: async (req) => {
      await webhooks.remove(await principal(req), req.params.id);
      return { ok: true as const };
    },
  });
  app.get('/api/webhooks/:id/deliveries', {
    schema: {
      operationId: 'listWebhookDeliveries',
      summary: 'The delivery log of a webhook, newest first: status, attempts, last answer (admin)',
      tags: ['webhooks'],
      security: SIGNED_IN,
      params: idParams,
      querystring: webhookDeliveriesQuery,
      response: {
        200: json('Deliveries', z.array(webhookDeliveryResponse)),
        ...errorResponses([400, 401, 403, 404]),
      },
    },
    handler: async (req) =>
      webhooks.deliveries(await principal(req), req.params.id, req.query.limit),
  });
  return Promise.resolve();
};
