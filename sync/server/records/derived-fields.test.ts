import { describe, expect, it } from 'vitest';
import { derivedFieldsOf, withDerivedFields } from './derived-fields';
import { account, deal } from './test-fixtures';

describe('withDerivedFields', () => {
  it('derives a deal’s amount from its line items and trims its name, as the app saves it', () => {
    const lineItems = [
      { id: 'li-1', product: '许可', quantity: 3, unitPrice: 200, discount: 10 },
      { id: 'li-2', product: '实施', quantity: 1, unitPrice: 50.05, discount: 0 },
    ];
    const derived = withDerivedFields(
      'deals',
      deal('d', { name: ' 数据平台 ', amount: 1, lineItems }),
    );
    expect(derived).toMatchObject({ name: '数据平台', amount: 590.05 });
  });

  it('keeps a typed amount when a deal has no line items, and leaves other kinds alone', () => {
    expect(withDerivedFields('deals', deal('d', { amount: 80_000 })).amount).toBe(80_000);
    const record = account('a', { name: ' 云杉 ' });
    expect(withDerivedFields('accounts', record)).toBe(record);
  });
});

describe('derivedFieldsOf', () => {
  it('names a deal’s amount only while line items derive it; contracts store no total', () => {
    const lineItems = [{ id: 'li-1', product: '许可', quantity: 1, unitPrice: 1, discount: 0 }];
    expect([...derivedFieldsOf('deals', deal('d', { lineItems }))]).toEqual(['amount']);
    expect(derivedFieldsOf('deals', deal('d', { lineItems: [] })).size).toBe(0);
    expect(derivedFieldsOf('accounts', account('a')).size).toBe(0);
  });
});
