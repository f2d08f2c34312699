import fc from 'fast-check';

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses) node, read loosely: only what generation needs. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

export type Resolve = (ref: string) => JsonSchema;

/** Combines a schema's own keywords with one of its anyOf/oneOf branches (properties and required merged). */
function mergeBranch(base: JsonSchema, branch: JsonSchema): JsonSchema {
  const { anyOf: _a, oneOf: _o, ...rest } = base;
  return {
    ...rest,
    ...branch,
    properties: { ...rest.properties, ...branch.properties },
    required: [...new Set([...(rest.required ?? []), ...(branch.required ?? [])])],
  };
}

/**
 * Values that satisfy `schema` as a validator would read it: fast-check arbitraries built from the document,
 * so a failing call shrinks to the smallest input that shows it. Sizes are kept small (short strings and
 * arrays): the point is the shape and the edges (bounds, enums, optional fields), not volume.
 */
export function valueFor(schema: JsonSchema, resolve: Resolve): fc.Arbitrary<unknown> {
  if (schema.$ref) return valueFor(resolve(schema.$ref), resolve);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const hasOwnShape = schema.type !== undefined || schema.properties !== undefined;
    return fc.oneof(
      ...branches.map((branch) => {
        const resolved = branch.$ref ? resolve(branch.$ref) : branch;
        return valueFor(hasOwnShape ? mergeBranch(schema, resolved) : resolved, resolve);
      }),
    );
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER),
        max: Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER),
      });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e9,
        max: schema.maximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'string':
      return stringFor(schema);
    case 'array':
      return fc.array(schema.items ? valueFor(schema.items, resolve) : fc.jsonValue(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      return fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([name, child]) => [name, valueFor(child, resolve)]),
        ),
        { requiredKeys: (schema.required ?? []).filter((name) => name in properties) },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 24, Math.max(minLength, 24));
  const fits = (value: string) =>
    value.length >= minLength && value.length <= (schema.maxLength ?? Infinity);
  if (schema.format === 'email')
    return fc.emailAddress().filter((v) => fits(v) && matches(schema, v));
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

function matches(schema: JsonSchema, value: string): boolean {
  return !schema.pattern || new RegExp(schema.pattern).test(value);
}

/**
 * Values that break `schema` in one way each: a wrong type, a missing required field, a field of the wrong
 * type, a string past its bounds, text the database cannot hold (NUL), or any JSON at all.
 */
export function invalidValueFor(schema: JsonSchema, resolve: Resolve): fc.Arbitrary<unknown> {
  const resolved = schema.$ref ? resolve(schema.$ref) : schema;
  const wrongType = fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.string(),
    fc.array(fc.integer(), { maxLength: 2 }),
  );
  const candidates: fc.Arbitrary<unknown>[] = [wrongType, fc.jsonValue({ maxDepth: 3 })];
  const properties = resolved.properties ?? {};
  const names = Object.keys(properties);
  if (resolved.type === 'object' && names.length > 0) {
    const valid = valueFor(resolved, resolve) as fc.Arbitrary<Record<string, unknown>>;
    const required = resolved.required ?? [];
    if (required.length > 0)
      candidates.push(
        fc.tuple(valid, fc.constantFrom(...required)).map(([value, name]) => {
          const { [name]: _dropped, ...rest } = value;
          return rest;
        }),
      );
    candidates.push(
      fc
        .tuple(valid, fc.constantFrom(...names), fc.constantFrom<unknown>({}, [1], 12345, true))
        .map(([value, name, wrong]) => ({ ...value, [name]: wrong })),
      fc
        .tuple(valid, fc.constantFrom(...names), fc.string({ maxLength: 4 }))
        .map(([value, name, text]) => ({ ...value, [name]: `${text}\u0000${text}` })),
      fc
        .tuple(valid, fc.constantFrom(...names))
        .map(([value, name]) => ({ ...value, [name]: 'x'.repeat(300) })),
    );
  }
  return fc.oneof(...candidates);
}
