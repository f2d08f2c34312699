import type { CollectionName, Contract, Deal } from '../domain';
import { withCommentFields } from './comments';
import { nextCollectionDueDate } from './contract-math';
import { derivedDealFields } from './deal-stage';

/** 'MM-DD' of a 'YYYY-MM-DD' date, '' when unset: a yearly key date (birthday, anniversary) as an index key. */
export function monthDayOf(date: unknown): string {
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.slice(5) : '';
}

/** The fields `collection` derives from a record's other fields; none for collections that derive nothing. */
function derivedChanges(collection: CollectionName, record: Record<string, unknown>) {
  switch (collection) {
    case 'deals':
      return derivedDealFields(record as unknown as Deal);
    // A record without the source field (a partial or pre-issue-18 one) is left alone: defaults come first.
    case 'accounts':
      return record.customerSince === undefined
        ? null
        : { anniversaryMonthDay: monthDayOf(record.customerSince) };
    case 'contacts':
      return record.birthday === undefined
        ? null
        : { birthdayMonthDay: monthDayOf(record.birthday) };
    case 'contracts': {
      const contract = record as unknown as Contract;
      if (!Array.isArray(contract.paymentPlan) || !Array.isArray(contract.payments)) return null;
      return { collectionDueDate: nextCollectionDueDate(contract) };
    }
    default:
      return null;
  }
}

/**
 * A record with the fields the app derives before it saves derived again (a deal's amount follows its line items,
 * its name is trimmed; an account's anniversaryMonthDay, a contact's birthdayMonthDay, a contract's
 * collectionDueDate — issue 18). Written once for every side that produces a record state: the app's
 * repositories on every create and update, the server on each write, the replica's schema migration, and the
 * client after it merged a conflict item by item (issue 15: totals are recomputed from the merged items, never
 * merged); a comment's subject and mentions follow its body (issue 18). A record whose derived fields already hold
 * is returned unchanged (the same object).
 */
export function withDerivedFields<T extends Record<string, unknown>>(
  collection: CollectionName,
  record: T,
): T {
  if (collection === 'activities') return withCommentFields(record);
  const changes = derivedChanges(collection, record) as Record<string, unknown> | null;
  if (!changes) return record;
  const differs = Object.entries(changes).some(([key, value]) => record[key] !== value);
  return differs ? { ...record, ...changes } : record;
}
