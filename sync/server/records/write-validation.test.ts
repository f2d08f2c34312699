import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, DEFAULT_PIPELINE_ID } from '@shared/domain';
import { ValidationMessage } from '@shared/validation';
import { MAX_NESTING_DEPTH } from './nesting';
import { tooDeepFields, validateWrite } from './write-validation';
import { account, deal, WORKSPACE } from './test-fixtures';
import type { Entity } from './types';

/** A settings record of `kind` holding `value`. */
function setting(kind: string, value: unknown): Entity {
  return {
    id: 's-1',
    workspaceId: WORKSPACE,
    teamId: 'team-a',
    ownerId: 'u-rep',
    createdAt: 1_000,
    updatedAt: 1_000,
    createdBy: 'u-rep',
    updatedBy: 'u-rep',
    deleted: false,
    kind,
    key: `${kind}:1`,
    value,
  };
}

/** A value nested `depth` levels deep (objects in objects). */
function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

const savedFilter = {
  entity: 'account',
  name: '重点客户',
  filter: { tier: ['A', 'B'], status: 'customer' },
  sort: { field: 'updatedAt', direction: 'desc' },
};

describe('validateWrite', () => {
  it('accepts a valid record and drops fields set to undefined', () => {
    const result = validateWrite('accounts', { ...account('a'), deletedAt: undefined });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.hasOwn(result.entity, 'deletedAt')).toBe(false);
    expect(result.entity.name).toBe('北京星河数据科技有限公司');
  });

  it('names each invalid field with its message key', () => {
    const result = validateWrite('deals', deal('d', { probability: 130, name: '' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual(['name', 'probability']);
    expect(result.issues.every((i) => typeof i.message === 'string' && i.message !== '')).toBe(
      true,
    );
  });

  it('reports nested paths dotted', () => {
    const result = validateWrite(
      'deals',
      deal('d', {
        lineItems: [{ id: 'l', product: 'p', quantity: -1, unitPrice: 1, discount: 0 }],
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].path).toBe('lineItems.0.quantity');
  });

  it('rejects text the database cannot store at its field, nested ones too', () => {
    const result = validateWrite(
      'deals',
      deal('d', {
        name: 'CRM\u0000',
        lineItems: [{ id: 'l', product: 'half \ud83d', quantity: 1, unitPrice: 1, discount: 0 }],
      }),
    );
    expect(result.ok ? [] : result.issues).toEqual([
      { path: 'name', message: ValidationMessage.unstorableText },
      { path: 'lineItems.0.product', message: ValidationMessage.unstorableText },
    ]);
  });
});

describe('validateWrite on settings', () => {
  it('accepts values of their kind (saved filter, pipeline) and stores what the kind schema returns', () => {
    const filter = validateWrite('settings', setting('savedFilter', { ...savedFilter, extra: 1 }));
    expect(filter.ok).toBe(true);
    if (filter.ok) expect(filter.entity.value).toEqual(savedFilter);
    const pipeline = validateWrite('settings', {
      ...setting('pipeline', DEFAULT_PIPELINE),
      key: DEFAULT_PIPELINE_ID,
    });
    expect(pipeline.ok).toBe(true);
  });

  it('refuses a value that is not of its kind, naming the fields under value.', () => {
    const result = validateWrite(
      'settings',
      setting('savedFilter', { entity: 'spaceship', name: '', filter: { tier: { $gt: 1 } } }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual([
      'value.entity',
      'value.filter.tier',
      'value.name',
      'value.sort',
    ]);
    // A pipeline's value is not a saved filter.
    expect(validateWrite('settings', setting('pipeline', savedFilter)).ok).toBe(false);
  });

  it('refuses a deeply nested value with a validation issue, not a stack overflow', () => {
    const result = validateWrite(
      'settings',
      setting('savedFilter', { ...savedFilter, filter: nested(5_000) }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain('value.filter.next');
  });
});

describe('tooDeepFields', () => {
  it('names the fields nested deeper than the limit, without recursion (5,000 and 100,000 deep)', () => {
    const doc = {
      id: 'a',
      ok: nested(MAX_NESTING_DEPTH),
      deep: nested(5_000),
      deeper: nested(100_000),
    };
    expect(tooDeepFields(doc)).toEqual(['deep', 'deeper']);
    expect(tooDeepFields({ id: 'a', edge: nested(MAX_NESTING_DEPTH + 1) })).toEqual(['edge']);
    expect(tooDeepFields({ ...deal('d') })).toEqual([]);
    expect(tooDeepFields(null)).toEqual([]);
  });
});
