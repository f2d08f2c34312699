import type { CollectionName, Deal } from '../domain';
import { withCommentFields } from './comments';
import { derivedDealFields } from './deal-stage';

/**
 * A record with the fields the app derives before it saves derived again (a deal's amount follows its line items,
 * its name is trimmed). Written once for every side that produces a record state the person did not type: the
 * server on each write, and the client after it merged a conflict item by item (issue 15: totals are recomputed
 * from the merged items, never merged); a comment's subject and mentions follow its body (issue 18). A record
 * whose derived fields already hold is returned unchanged.
 */
export function withDerivedFields<T extends Record<string, unknown>>(
  collection: CollectionName,
  record: T,
): T {
  if (collection === 'activities') return withCommentFields(record);
  if (collection !== 'deals') return record;
  return { ...record, ...derivedDealFields(record as unknown as Deal) };
}
