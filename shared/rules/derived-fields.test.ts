import { describe, expect, it } from 'vitest';
import { monthDayOf, withDerivedFields } from './derived-fields';
import { nextCollectionDueDate } from './contract-math';
import { buildAccount, buildContact, buildContract } from '../../test/support/factories';

const plan = [
  { id: 'p1', dueDate: '2026-01-31', amount: 100, note: '' },
  { id: 'p2', dueDate: '2026-03-31', amount: 200, note: '' },
];
const paid = (amount: number) => ({
  id: `r-${amount}`,
  date: '2026-01-20',
  amount,
  method: 'bankTransfer' as const,
  planItemId: '',
  note: '',
});

describe('monthDayOf', () => {
  it('keeps the month and day of a date, and nothing of an unset or malformed one', () => {
    expect(monthDayOf('1988-02-29')).toBe('02-29');
    expect(monthDayOf('2020-12-01')).toBe('12-01');
    expect(monthDayOf('')).toBe('');
    expect(monthDayOf('2020-1-1')).toBe('');
    expect(monthDayOf(undefined)).toBe('');
  });
});

describe('nextCollectionDueDate', () => {
  it('is the earliest instalment the payments (oldest first) do not fully cover', () => {
    expect(nextCollectionDueDate({ amount: 300, paymentPlan: plan, payments: [] })).toBe(
      '2026-01-31',
    );
    // 99.99 leaves one fen of the first instalment open.
    expect(nextCollectionDueDate({ amount: 300, paymentPlan: plan, payments: [paid(99.99)] })).toBe(
      '2026-01-31',
    );
    expect(nextCollectionDueDate({ amount: 300, paymentPlan: plan, payments: [paid(100)] })).toBe(
      '2026-03-31',
    );
    expect(nextCollectionDueDate({ amount: 300, paymentPlan: plan, payments: [paid(300)] })).toBe(
      '',
    );
  });

  it('reads the plan in due-date order whatever order it was entered in; no plan, no date', () => {
    const reversed = [...plan].reverse();
    expect(nextCollectionDueDate({ amount: 300, paymentPlan: reversed, payments: [] })).toBe(
      '2026-01-31',
    );
    expect(nextCollectionDueDate({ amount: 300, paymentPlan: [], payments: [] })).toBe('');
  });
});

describe('withDerivedFields (issue 18 fields)', () => {
  it('derives the anniversary from customerSince and the birthday’s month and day', () => {
    const account = { ...buildAccount(), customerSince: '2019-07-15', anniversaryMonthDay: '' };
    expect(withDerivedFields('accounts', account).anniversaryMonthDay).toBe('07-15');
    const contact = { ...buildContact(), birthday: '1990-11-03', birthdayMonthDay: '01-01' };
    expect(withDerivedFields('contacts', contact).birthdayMonthDay).toBe('11-03');
    expect(
      withDerivedFields('contacts', { ...contact, birthday: '', birthdayMonthDay: '11-03' })
        .birthdayMonthDay,
    ).toBe('');
  });

  it('derives a contract’s collection due date from its plan and payments', () => {
    const contract = buildContract({ amount: 300, paymentPlan: plan, payments: [paid(100)] });
    expect(contract.collectionDueDate).toBe('2026-03-31');
    expect(withDerivedFields('contracts', { ...contract, payments: [] }).collectionDueDate).toBe(
      '2026-01-31',
    );
  });

  it('returns the same object when the derived fields already hold, and leaves other kinds alone', () => {
    const account = buildAccount({ customerSince: '2019-07-15' });
    expect(account.anniversaryMonthDay).toBe('07-15');
    expect(withDerivedFields('accounts', account)).toBe(account);
    const lead = { name: 'x' };
    expect(withDerivedFields('leads', lead)).toBe(lead);
  });
});
