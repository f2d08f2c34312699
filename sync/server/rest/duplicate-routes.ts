import type { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { duplicateCheckBody, duplicateCheckResponse } from '@shared/sync';
import { errorResponses } from './error-replies';
import { principalOf, SIGNED_IN, type HttpApiDeps } from './route-kit';

const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/** 撞单 against the whole workspace (issue 19): the app asks while a person types, when it is online. */
export const duplicateRoutes: FastifyPluginAsyncZod<{ deps: HttpApiDeps }> = (app, { deps }) => {
  const { auth, records } = deps;
  app.post('/api/duplicates/check', {
    schema: {
      operationId: 'checkDuplicates',
      summary:
        'Who else follows this company or person: matching accounts, contacts and open leads outside your scope, as kind, reason, owner and team only',
      tags: ['records'],
      security: SIGNED_IN,
      body: duplicateCheckBody,
      response: {
        200: json(
          'Matches outside your scope (none for an admin, who sees everything)',
          duplicateCheckResponse,
        ),
        ...errorResponses([400, 401, 403, 413, 415]),
      },
    },
    handler: async (req) => {
      const principal = await principalOf(auth, req);
      const scope = await auth.scopeOf(principal);
      return { matches: await records.duplicatesElsewhere(principal, scope, req.body) };
    },
  });
  return Promise.resolve();
};
