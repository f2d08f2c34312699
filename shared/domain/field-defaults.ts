import type { z } from 'zod';
import { entitySchemas, type CollectionName } from './entities';

const cache = new Map<CollectionName, [string, unknown][]>();

/** The fields of `collection` whose schema has a default (`.default()`), with that default. */
function defaultsOf(collection: CollectionName): [string, unknown][] {
  let found = cache.get(collection);
  if (!found) {
    const shape = (entitySchemas[collection] as z.ZodObject).shape as Record<string, z.ZodType>;
    found = [];
    for (const [key, field] of Object.entries(shape)) {
      // Only a defaulted field accepts `undefined` and returns a value.
      const parsed = field.safeParse(undefined);
      if (parsed.success && parsed.data !== undefined) found.push([key, parsed.data]);
    }
    cache.set(collection, found);
  }
  return found;
}

/**
 * A stored or received record with the fields it lacks that have a default filled in (fields added later, e.g.
 * `lastActivityAt`, issue 18): a record written before they existed, or by an old client, reads like a new one.
 * Present fields are kept as they are; the same object is returned when nothing was missing.
 */
export function withFieldDefaults<T extends Record<string, unknown>>(
  collection: CollectionName,
  record: T,
): T {
  let out: Record<string, unknown> | null = null;
  for (const [key, value] of defaultsOf(collection)) {
    if (record[key] !== undefined) continue;
    out ??= { ...record };
    out[key] = value;
  }
  return (out ?? record) as T;
}

/**
 * Fields a writer may leave out: the schema's default fills them and the write derives or keeps them
 * (issue 18). `field-defaults.test.ts` checks this list against the schemas' defaults.
 */
export type DefaultedField =
  | 'lastActivityAt'
  | 'customerSince'
  | 'anniversaryMonthDay'
  | 'birthdayMonthDay'
  | 'collectionDueDate'
  | 'mergedIntoId'
  | 'campaignId'
  | 'qualification'
  | 'assignedAt'
  | 'captureSource'
  | 'forecastCategory'
  | 'quotes'
  | 'quoteId'
  | 'subjectKey'
  | 'steps'
  | 'currentStep'
  | 'requestNote'
  | 'csatComment'
  | 'csatAt'
  | 'product'
  | 'language'
  | 'routedAt'
  | 'slaPausedMs'
  | 'slaWaitingSince'
  | 'slaWarnedAt'
  | 'slaBreachedAt'
  | 'sizeBand';

/** `T` with its defaulted fields optional: what a caller gives to create a record. */
export type WithOptionalDefaults<T> = Omit<T, DefaultedField> &
  Partial<Pick<T, Extract<keyof T, DefaultedField>>>;
