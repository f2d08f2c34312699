import { z } from 'zod';
import { COLLECTION_NAMES } from '@shared/domain';
import { pullPageResponse, recordResponse, routedElsewhereResponse } from '@shared/sync';

/** Record fields the server fills on every write; a body may not set them (they are overwritten). */
export const SERVER_FILLED_FIELDS = [
  'workspaceId',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'deleted',
  'deletedAt',
] as const;

/** Names of the per-collection body schemas in components.schemas (openapi.ts writes them). */
export const createBodyComponent = (collection: string) => `${collection}Create`;
export const changeBodyComponent = (collection: string) => `${collection}Change`;

const oneOfCollections = (component: (collection: string) => string) =>
  COLLECTION_NAMES.map((collection) => ({ $ref: `#/components/schemas/${component(collection)}` }));

/**
 * POST /api/records/{collection}. The route checks the shape every collection shares (an object; `id`,
 * `teamId`, `ownerId` optional); the collection's own fields and rules are checked by the record
 * pipeline, as for sync pushes, and a record that breaks them is answered 422 with the fields named.
 * The document describes the fields per collection (anyOf the `<collection>Create` schemas).
 */
export const createRecordBody = z
  .looseObject({
    id: z.string().min(1).max(64).optional(),
    teamId: z.string().max(64).optional(),
    ownerId: z.string().max(64).optional(),
  })
  .meta({
    description:
      "The collection's entity fields (components.schemas.<collection>Create). id, teamId and ownerId are optional (a new id, your first team, you); workspaceId, createdAt/By, updatedAt/By and deleted are set by the server.",
    anyOf: oneOfCollections(createBodyComponent),
  });

/** PATCH /api/records/{collection}/{id}: the fields to change (same checks as a create, on the merged record). */
export const changeRecordBody = z.looseObject({}).meta({
  description:
    "The fields to change (components.schemas.<collection>Change); the result must still satisfy the collection's rules.",
  anyOf: oneOfCollections(changeBodyComponent),
});

/** A stored record as answered: one of the collection entities (components.schemas.<collection>). */
export const storedRecord = recordResponse.meta({
  description: "A stored record: the collection's entity (components.schemas.<collection>)",
  anyOf: COLLECTION_NAMES.map((collection) => ({ $ref: `#/components/schemas/${collection}` })),
});

/** POST's 201: the stored record, or only its id when the rules placed it outside the creator's scope. */
export const createdRecord = z.union([
  storedRecord,
  routedElsewhereResponse.meta({
    description:
      "Created, but the server's rules placed it where you may not read it (a lead assigned to another team): its id only",
  }),
]);

/** One page of GET /api/records/{collection}. */
export const recordPage = pullPageResponse.extend({ documents: z.array(storedRecord) });
