import type { z } from 'zod';
import { entitySchemas, type CollectionName } from '@shared/domain';
import type { Entity } from './types';

/** A field that failed validation: the dotted path and the i18n key of the reason. */
export interface FieldIssue {
  path: string;
  message: string;
}

export type ValidationOutcome = { ok: true; entity: Entity } | { ok: false; issues: FieldIssue[] };

/**
 * Validates a record about to be written with its collection's zod schema (shared/domain), the same schema the
 * app validates with. The valid record is what the schema returns, without fields set to `undefined`, so the
 * stored JSON never depends on how a client spelled "absent".
 */
export function validateWrite(collection: CollectionName, candidate: Entity): ValidationOutcome {
  const schema = entitySchemas[collection] as z.ZodType<Entity>;
  const parsed = schema.safeParse(candidate);
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      })),
    };
  const entity = Object.fromEntries(
    Object.entries(parsed.data).filter(([, v]) => v !== undefined),
  ) as Entity;
  return { ok: true, entity };
}
