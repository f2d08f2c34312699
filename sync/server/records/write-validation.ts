import type { z } from 'zod';
import { entitySchemas, settingValueSchemas, type CollectionName } from '@shared/domain';
import { ValidationMessage } from '@shared/validation/messages';
import { MAX_NESTING_DEPTH, nestsDeeperThan } from './nesting';
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
  return collection === 'settings' ? validateSettingValue(entity) : { ok: true, entity };
}

/**
 * A settings record's `value` is only "some JSON object" in the entity schema: here it must also be a value of
 * its kind (settingValueSchemas), so nobody stores a saved filter or pipeline the app cannot read. Issue paths
 * start with `value.`; the stored value is what the kind's schema returns.
 */
export function validateSettingValue(setting: Entity): ValidationOutcome {
  const kind = setting.kind as keyof typeof settingValueSchemas;
  const parsed = (settingValueSchemas[kind] as z.ZodType<Entity['value']>).safeParse(setting.value);
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: ['value', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    };
  return { ok: true, entity: { ...setting, value: parsed.data } };
}

/**
 * The top-level fields of `doc` whose value nests deeper than MAX_NESTING_DEPTH. The write path refuses them
 * before anything walks the record recursively (merge, comparison, JSON.stringify would overflow the stack on
 * a hostile 5,000-deep value and fail the whole request); this walk is iterative and stops at the limit.
 */
export function tooDeepFields(doc: Record<string, unknown> | null | undefined): string[] {
  if (!doc) return [];
  return Object.keys(doc).filter((field) => nestsDeeperThan(doc[field], MAX_NESTING_DEPTH));
}

/** The issues naming too-deep fields (the text key says "too long": the value is too big to take). */
export const tooDeepIssues = (fields: string[]): FieldIssue[] =>
  fields.map((path) => ({ path, message: ValidationMessage.tooLong }));
