import type { z } from 'zod';

/**
 * The empty value of each field of an entity's shape, read from its zod schema: '' for text and for a list
 * that may be empty, 0, false, [], a literal's value, a required list's first value; optional fields are left
 * out. What a record is before anyone typed into it (the importer fills the cells a file has into it).
 */
export function blankFields(shape: Readonly<Record<string, z.ZodType>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(shape)) {
    const value = blankOf(schema);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

interface Def {
  type: string;
  options?: readonly z.ZodType[];
  values?: readonly unknown[];
  entries?: Readonly<Record<string, unknown>>;
}

function blankOf(schema: z.ZodType): unknown {
  const def = schema._zod.def as unknown as Def;
  switch (def.type) {
    case 'string':
      return '';
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'literal':
      return def.values?.[0];
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'union': {
      // '' when the union allows it (a list that may be empty), else its first option's blank.
      const blanks = (def.options ?? []).map(blankOf);
      return blanks.includes('') ? '' : blanks[0];
    }
    default:
      // optional and anything unknown: left out (an optional field stays unset).
      return undefined;
  }
}
