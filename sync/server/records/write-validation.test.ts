import { describe, expect, it } from 'vitest';
import { ValidationMessage } from '@shared/validation';
import { validateWrite } from './write-validation';
import { account, deal } from './test-fixtures';

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
