import { describe, expect, it } from 'vitest';
import { dealsTotal, lineItemTotal, lineItemsTotal } from './deal-math';

const item = (quantity: number, unitPrice: number, discount = 0) => ({
  quantity,
  unitPrice,
  discount,
});

describe('lineItemsTotal', () => {
  it('is 0 without line items', () => {
    expect(lineItemsTotal([])).toBe(0);
  });

  it('sums quantity × unit price less the discount', () => {
    expect(lineItemsTotal([item(200, 2_400), item(1, 50_000, 10)])).toBe(480_000 + 45_000);
  });

  it('applies 100 % discount as free', () => {
    expect(lineItemsTotal([item(3, 999, 100)])).toBe(0);
  });

  it('rounds each line to the fen and adds without floating-point noise', () => {
    expect(lineItemTotal(item(3, 33.333))).toBe(100);
    expect(lineItemTotal(item(1, 99.99, 15))).toBe(84.99);
    expect(lineItemsTotal([item(1, 0.1), item(1, 0.2)])).toBe(0.3);
    expect(lineItemsTotal(Array.from({ length: 1000 }, () => item(1, 0.01)))).toBe(10);
  });
});

describe('dealsTotal', () => {
  it('adds amounts in fen', () => {
    expect(dealsTotal([])).toBe(0);
    expect(dealsTotal([{ amount: 0.1 }, { amount: 0.2 }])).toBe(0.3);
    expect(dealsTotal([{ amount: 480_000 }, { amount: 99.99 }])).toBe(480_099.99);
  });
});
