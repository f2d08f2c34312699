import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from './entities';
import { COLLECTION_INDEXES, deriveRxSchema } from './rx-schemas';

describe('deriveRxSchema', () => {
  it('keeps to at most 12 collections (RxDB open-core limit)', () => {
    expect(COLLECTION_NAMES.length).toBeGreaterThan(0);
    expect(COLLECTION_NAMES.length).toBeLessThanOrEqual(12);
  });

  it.each(COLLECTION_NAMES)('derives a usable schema for %s', (name) => {
    const schema = deriveRxSchema(name);
    expect(schema.title).toBe(name);
    expect(schema.primaryKey).toBe('id');
    expect(schema.type).toBe('object');
    expect(schema.properties.id).toMatchObject({
      type: 'string',
      maxLength: expect.any(Number) as number,
    });
    expect(schema.required).toContain('id');
    expect(schema.indexes).toEqual(COLLECTION_INDEXES[name]);
  });

  it.each(COLLECTION_NAMES)('requires and bounds every indexed field of %s', (name) => {
    const schema = deriveRxSchema(name);
    for (const field of new Set(schema.indexes.flat())) {
      expect(schema.required, `${name}.${field}`).toContain(field);
      const prop = schema.properties[field];
      expect(prop, `${name}.${field}`).toBeDefined();
      if (prop?.type === 'string') expect(typeof prop.maxLength, `${name}.${field}`).toBe('number');
      if (prop?.type === 'number') {
        expect(prop, `${name}.${field}`).toMatchObject({
          minimum: expect.any(Number) as number,
          maximum: expect.any(Number) as number,
          multipleOf: expect.any(Number) as number,
        });
      }
      expect(prop?.type, `${name}.${field}`).not.toBe('integer');
    }
  });

  it('has a property for every field and no extra ones', () => {
    const accounts = deriveRxSchema('accounts');
    expect(Object.keys(accounts.properties)).toEqual(
      expect.arrayContaining(['id', 'name', 'nameKey', 'creditCode', 'deleted', 'updatedAt']),
    );
  });
});
