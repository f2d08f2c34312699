import { withFieldDefaults, type CollectionName } from '@shared/domain';
import { withDerivedFields } from '@shared/rules/derived-fields';

/**
 * A pulled document as the replica's schema needs it: a record the server stored before a field existed (issue
 * 18's `lastActivityAt`, `customerSince` …), or one an old client wrote, gets the field's default and its derived
 * values. A complete document (the usual case) is returned as it came; tombstones are left alone.
 */
export function completeFromServer<T extends Record<string, unknown>>(
  collection: CollectionName,
  doc: T,
): T {
  if (doc._deleted === true) return doc;
  const filled = withFieldDefaults(collection, doc);
  return filled === doc ? doc : withDerivedFields(collection, filled);
}
