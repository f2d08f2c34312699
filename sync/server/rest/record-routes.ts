import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CollectionName } from '@shared/domain';
import {
  collectionParams,
  historyEntrySchema,
  okResponse,
  pullQuery,
  recordParams,
  type Principal,
  RejectReason,
} from '@shared/sync';
import { ApiFailure } from '../errors';
import {
  changeRecordBody,
  createdRecord,
  createRecordBody,
  recordPage,
  storedRecord,
} from './record-bodies';
import { errorResponses } from './error-replies';
import { principalOf, SIGNED_IN, type HttpApiDeps } from './route-kit';

type Doc = Record<string, unknown>;
const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
const notFound = () => new ApiFailure(404, 'not_found', 'No such record (or not visible to you)');

/**
 * Reading and writing records for integrations that do not speak the sync protocol. Writes go through the
 * same RecordStore pipeline as sync pushes, so validation, rules and permissions are identical.
 */
export const recordRoutes: FastifyPluginAsyncZod<{ deps: HttpApiDeps }> = (app, { deps }) => {
  const { auth, records } = deps;
  const principal = principalOf.bind(null, auth);

  const write = async (
    p: Principal,
    collection: CollectionName,
    before: Doc | null,
    after: Doc & { id: string },
  ): Promise<(Doc & { id: string }) | null> => {
    const scope = await auth.scopeOf(p);
    const result = await records.push(p, scope, collection, [
      {
        assumedMasterState: before ? { ...before, id: after.id } : null,
        newDocumentState: after,
      },
    ]);
    const rejection = result.rejected[0];
    // A taken credit code breaks a business rule at a field (422), naming who has the account (issue 19).
    if (rejection?.reason === RejectReason.creditCodeTaken) {
      const { creditCode = '', ownerName = '', teamName = '' } = rejection.params ?? {};
      throw new ApiFailure(
        422,
        rejection.reason,
        `Credit code ${creditCode} already belongs to another account (owner: ${ownerName || 'none'}${teamName ? `, ${teamName}` : ''})`,
        [{ path: 'creditCode', message: rejection.reason }],
      );
    }
    // Contracts (issue 20): a taken number names the contract holding it; activation waits on an approval.
    if (rejection?.reason === RejectReason.contractNumberTaken) {
      const { number = '', existingTitle = '', ownerName = '' } = rejection.params ?? {};
      throw new ApiFailure(
        422,
        rejection.reason,
        `Contract number ${number} is already used by the contract "${existingTitle}" (owner: ${ownerName || 'none'})`,
        [{ path: 'number', message: rejection.reason }],
      );
    }
    if (rejection?.reason === RejectReason.contractApproval) {
      const { threshold = '' } = rejection.params ?? {};
      throw new ApiFailure(
        422,
        rejection.reason,
        `A contract above ${threshold} yuan becomes active only with an approved contract approval`,
        [{ path: 'status', message: rejection.reason }],
      );
    }
    if (rejection)
      throw new ApiFailure(
        rejection.reason === RejectReason.validation ? 422 : 403,
        rejection.reason,
        `The server did not accept this change (${rejection.reason})`,
        rejection.issues,
      );
    if (result.written === 0 && result.conflicts.length > 0)
      throw new ApiFailure(
        409,
        'conflict',
        'The server kept its own version of this record: read it again and repeat the change',
      );
    // null: the write moved the record out of the writer's scope (another team); the caller decides what to say.
    return records.get(p, scope, collection, after.id);
  };
  const current = async (p: Principal, collection: CollectionName, id: string) => {
    const found = await records.get(p, await auth.scopeOf(p), collection, id);
    if (!found) throw notFound();
    return found as Doc & { id: string };
  };

  app.get('/api/records/:collection', {
    schema: {
      operationId: 'listRecords',
      summary:
        'Records changed after a sequence number (paged, oldest change first), in your scope',
      tags: ['records'],
      security: SIGNED_IN,
      params: collectionParams,
      querystring: pullQuery,
      response: {
        200: json('One page of records and the checkpoint to continue from', recordPage),
        ...errorResponses([400, 401, 403, 404]),
      },
    },
    handler: async (req) => {
      const p = await principal(req);
      const scope = await auth.scopeOf(p);
      return records.pull(
        p,
        scope,
        req.params.collection,
        { seq: req.query.since },
        req.query.limit,
      );
    },
  });
  app.post('/api/records/:collection', {
    schema: {
      operationId: 'createRecord',
      summary: 'Create a record (entity fields; the server fills the meta fields)',
      tags: ['records'],
      security: SIGNED_IN,
      params: collectionParams,
      body: createRecordBody,
      response: {
        201: json(
          'The stored record; or only its id when the rules placed it where you may not read it',
          createdRecord,
        ),
        ...errorResponses([400, 401, 403, 404, 409, 413, 415, 422]),
      },
    },
    handler: async (req, reply) => {
      const p = await principal(req);
      const now = Date.now();
      const record = {
        teamId: p.teamIds[0] ?? '',
        ownerId: p.userId,
        ...req.body,
        id: req.body.id ?? randomUUID(),
        workspaceId: p.workspaceId,
        createdAt: now,
        updatedAt: now,
        createdBy: p.userId,
        updatedBy: p.userId,
        deleted: false,
      };
      const stored = await write(p, req.params.collection, null, record);
      // A lead the assignment rules gave to a team the creator cannot see: its id, nothing the creator could
      // not read on their own replica.
      return reply.code(201).send(
        stored ?? {
          id: record.id,
          routedElsewhere: true,
          message: 'Created; the server placed it outside your scope (another team follows it)',
        },
      );
    },
  });
  app.get('/api/records/:collection/:id', {
    schema: {
      operationId: 'getRecord',
      summary: 'One record',
      tags: ['records'],
      security: SIGNED_IN,
      params: recordParams,
      response: {
        200: json('The record', storedRecord),
        ...errorResponses([400, 401, 403, 404]),
      },
    },
    handler: async (req) => current(await principal(req), req.params.collection, req.params.id),
  });
  app.patch('/api/records/:collection/:id', {
    schema: {
      operationId: 'changeRecord',
      summary: 'Change fields of a record',
      tags: ['records'],
      security: SIGNED_IN,
      params: recordParams,
      body: changeRecordBody,
      response: {
        200: json('The stored record', storedRecord),
        ...errorResponses([400, 401, 403, 404, 409, 413, 415, 422]),
      },
    },
    handler: async (req) => {
      const p = await principal(req);
      const before = await current(p, req.params.collection, req.params.id);
      const after = { ...before, ...req.body, id: before.id, updatedAt: Date.now() };
      // A change that moves the record out of the writer's scope answers with what they wrote (they read it
      // before; nothing the server added is shown).
      return (await write(p, req.params.collection, before, after)) ?? after;
    },
  });
  app.delete('/api/records/:collection/:id', {
    schema: {
      operationId: 'deleteRecord',
      summary: 'Soft-delete a record (it goes to the recycle bin)',
      tags: ['records'],
      security: SIGNED_IN,
      params: recordParams,
      response: {
        200: json('Deleted', okResponse),
        ...errorResponses([400, 401, 403, 404, 409, 413, 415]),
      },
    },
    handler: async (req) => {
      const p = await principal(req);
      const before = await current(p, req.params.collection, req.params.id);
      const now = Date.now();
      await write(p, req.params.collection, before, {
        ...before,
        deleted: true,
        deletedAt: now,
        updatedAt: now,
      });
      return { ok: true as const };
    },
  });
  app.get('/api/records/:collection/:id/history', {
    schema: {
      operationId: 'getRecordHistory',
      summary: 'Field-level history (who, when, from, to; merges included)',
      tags: ['records'],
      security: SIGNED_IN,
      params: recordParams,
      response: {
        200: json('History entries, oldest first', z.array(historyEntrySchema)),
        ...errorResponses([400, 401, 403, 404]),
      },
    },
    handler: async (req) => {
      const p = await principal(req);
      const history = await records.history(
        p,
        await auth.scopeOf(p),
        req.params.collection,
        req.params.id,
      );
      if (!history) throw notFound();
      return history;
    },
  });
  return Promise.resolve();
};
