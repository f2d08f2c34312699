import type { CollectionName } from '@shared/domain';
import { withDerivedFields as derive } from '@shared/rules/derived-fields';
import type { Entity } from './types';

/**
 * A pushed record with the fields the app derives before it saves (shared/rules) derived again, so the
 * server checks and stores the same state whichever client wrote it: a deal's amount follows its line items
 * and its name is trimmed. A client that already derived them (the app) sees no change. The rule is shared
 * (shared/rules/derived-fields.ts): the client applies it to the states it merges.
 */
export function withDerivedFields(collection: CollectionName, entity: Entity): Entity {
  return derive(collection, entity);
}

/**
 * Fields of `entity` a server rule derives from others (a deal's amount from its line items, when it has some):
 * never merged or reported as a merge — recomputed from the merged values.
 */
export function derivedFieldsOf(collection: CollectionName, entity: Entity): ReadonlySet<string> {
  if (collection === 'deals' && Array.isArray(entity.lineItems) && entity.lineItems.length > 0)
    return new Set(['amount']);
  if (collection === 'activities' && entity.type === 'comment')
    return new Set(['subject', 'mentions']);
  return new Set();
}
