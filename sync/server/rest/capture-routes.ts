import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CAPTURE_LEADS_PATH,
  captureKeyResponse,
  captureLeadBody,
  captureLeadResponse,
  createCaptureKeyBody,
  createdCaptureKeyResponse,
  idParams,
} from '@shared/sync';
import { ApiFailure } from '../errors';
import { errorResponses, validationIssues } from './error-replies';
import { principalOf, SIGNED_IN, type HttpApiDeps } from './route-kit';

const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
/** The capture post's security: a capture key in X-Api-Key (openapi.ts `captureKey`). */
const CAPTURE_KEY = [{ captureKey: [] as string[] }];

/**
 * The lead-capture API (sync/server/capture/README.md): the post web forms and ad platforms make with a
 * capture key, and the admin routes that create, list and revoke the keys.
 */
export const captureRoutes: FastifyPluginAsyncZod<{ deps: HttpApiDeps }> = (app, { deps }) => {
  const { auth, captureKeys, capture } = deps;
  const principal = principalOf.bind(null, auth);

  app.post(CAPTURE_LEADS_PATH, {
    schema: {
      operationId: 'captureLead',
      summary:
        'Post a lead from a web form or ad platform with the capture key of its source (X-Api-Key); the same clientKey again answers the first lead (200)',
      tags: ['capture'],
      security: CAPTURE_KEY,
      body: captureLeadBody,
      response: {
        201: json('The new lead', captureLeadResponse),
        200: json('The clientKey was posted before: the lead it made', captureLeadResponse),
        ...errorResponses([400, 401, 413, 415, 422, 429]),
      },
    },
    // A bad body is a lead that breaks the app's rules: 422 naming the fields, after the key was checked.
    attachValidation: true,
    handler: async (req, reply) => {
      const presented = req.headers['x-api-key'];
      const key = await capture.authenticate(
        typeof presented === 'string' ? presented.trim() : undefined,
        req.ip,
      );
      if (req.validationError) {
        const issues = validationIssues(req.validationError) ?? [];
        throw new ApiFailure(422, 'invalid_lead', 'The lead is not valid', issues);
      }
      const outcome = await capture.post(key, req.body);
      return reply.code(outcome.created ? 201 : 200).send(outcome);
    },
  });

  app.get('/api/capture-keys', {
    schema: {
      operationId: 'listCaptureKeys',
      summary: 'Capture keys of the workspace (admin; keys themselves are never listed)',
      tags: ['capture'],
      security: SIGNED_IN,
      response: {
        200: json('Capture keys', z.array(captureKeyResponse)),
        ...errorResponses([401, 403]),
      },
    },
    handler: async (req) => captureKeys.list(await principal(req)),
  });
  app.post('/api/capture-keys', {
    schema: {
      operationId: 'createCaptureKey',
      summary:
        'Create a capture key for a lead source (admin): its name, default source, campaign and owner; answers the key, once',
      tags: ['capture'],
      security: SIGNED_IN,
      body: createCaptureKeyBody,
      response: {
        201: json('The new key (shown only here)', createdCaptureKeyResponse),
        ...errorResponses([400, 401, 403, 413, 415]),
      },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await captureKeys.create(await principal(req), req.body)),
  });
  app.post('/api/capture-keys/:id/revoke', {
    schema: {
      operationId: 'revokeCaptureKey',
      summary: 'Revoke a capture key (admin): its posts answer 401 from now on',
      tags: ['capture'],
      security: SIGNED_IN,
      params: idParams,
      response: {
        200: json('The revoked key', captureKeyResponse),
        ...errorResponses([400, 401, 403, 404]),
      },
    },
    handler: async (req) => captureKeys.revoke(await principal(req), req.params.id),
  });
  return Promise.resolve();
};
