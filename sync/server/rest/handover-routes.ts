import type { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  handoverBody,
  handoverPreviewBody,
  handoverPreviewResponse,
  handoverResultResponse,
} from '@shared/sync';
import { errorResponses } from './error-replies';
import { principalOf, SIGNED_IN, type HttpApiDeps } from './route-kit';

const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * Handover when someone leaves (离职交接, issue 19): an admin, or the leaving person's manager, previews and then
 * moves all of the person's open work to a receiver (handover/handover-service.ts; rule: shared/rules/handover.ts).
 */
export const handoverRoutes: FastifyPluginAsyncZod<{ deps: HttpApiDeps }> = (app, { deps }) => {
  const { auth, handover } = deps;
  const principal = principalOf.bind(null, auth);
  app.post('/api/handover/preview', {
    schema: {
      operationId: 'previewHandover',
      summary:
        "What a handover would move: the leaving person's accounts, contacts, leads, open deals, open tickets and open tasks (admin or their manager)",
      tags: ['workspace'],
      security: SIGNED_IN,
      body: handoverPreviewBody,
      response: {
        200: json('Counts per kind and the records by name', handoverPreviewResponse),
        ...errorResponses([400, 401, 403, 404, 413, 415, 422]),
      },
    },
    handler: async (req) => handover.preview(await principal(req), req.body),
  });
  app.post('/api/handover', {
    schema: {
      operationId: 'executeHandover',
      summary:
        "Move the leaving person's open work to the receiver in one transaction, optionally deactivating them (admin or their manager)",
      tags: ['workspace'],
      security: SIGNED_IN,
      body: handoverBody,
      response: {
        200: json('What moved, per kind', handoverResultResponse),
        ...errorResponses([400, 401, 403, 404, 413, 415, 422]),
      },
    },
    handler: async (req) => handover.execute(await principal(req), req.body),
  });
  return Promise.resolve();
};
