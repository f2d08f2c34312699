import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_RULES } from '../domain';
import { buildAccount, buildContact, buildContract, withMeta } from '../../test/support/factories';
import type { FollowUpContext } from './follow-up';
import {
  anniversaryItems,
  birthdayItems,
  monthDayRanges,
  nextOccurrence,
  renewalItems,
} from './key-dates';
import { buildTeamDirectory } from './team-managers';
import { weekdayCalendar } from './working-calendar';

const at = (local: string) => Date.parse(`${local}+08:00`);
const ctx = (now: number): FollowUpContext => ({
  now,
  rules: DEFAULT_FOLLOW_UP_RULES,
  calendar: weekdayCalendar(480),
  team: buildTeamDirectory([]),
});

describe('renewalItems: 90/60/30 days before a contract ends, each its own item', () => {
  const contract = (overrides: Record<string, unknown> = {}) => ({
    ...withMeta(
      buildContract({ status: 'active', endDate: '2027-03-31', title: '年度服务', number: 'C-9' }),
      {
        id: 'con-9',
        workspaceId: 'w',
        by: 'rep-n',
      },
    ),
    ...overrides,
  });

  it('nothing before 90 days; the 90-day item until the 60-day one replaces it', () => {
    // 2027-03-31 − 90 days = 2026-12-31.
    const before = renewalItems(contract(), ctx(at('2026-12-30T12:00:00')));
    expect(before.items).toEqual([]);
    expect(before.nextAt).toBe(at('2026-12-31T00:00:00'));
    const [ninety] = renewalItems(contract(), ctx(at('2026-12-31T00:00:00'))).items;
    expect(ninety).toMatchObject({
      key: 'contractRenewal:contracts:con-9:2027-03-31/90',
      kind: 'keyDate',
      recipientId: 'rep-n',
      params: { endDate: '2027-03-31', days: '90', window: '90', number: 'C-9' },
    });
    // 60 days before: 2027-01-30; 30 days: 2027-03-01.
    expect(
      renewalItems(contract(), ctx(at('2027-01-30T08:00:00'))).items.map((i) => i.key),
    ).toEqual(['contractRenewal:contracts:con-9:2027-03-31/60']);
    const last = renewalItems(contract(), ctx(at('2027-03-31T18:00:00')));
    expect(last.items.map((i) => i.key)).toEqual(['contractRenewal:contracts:con-9:2027-03-31/30']);
    expect(last.nextAt).toBe(at('2027-04-01T00:00:00'));
    expect(renewalItems(contract(), ctx(at('2027-04-01T00:00:00'))).items).toEqual([]);
  });

  it('a renewed contract (new end date) is a new item; drafts and deleted contracts raise nothing', () => {
    const now = at('2027-03-20T08:00:00');
    expect(renewalItems(contract({ endDate: '2027-04-15' }), ctx(now)).items[0].key).toBe(
      'contractRenewal:contracts:con-9:2027-04-15/30',
    );
    expect(renewalItems(contract({ status: 'draft' }), ctx(now)).items).toEqual([]);
    expect(renewalItems(contract({ deleted: true }), ctx(now)).items).toEqual([]);
  });
});

describe('birthdayItems and anniversaryItems', () => {
  const contact = (birthday: string, overrides: Record<string, unknown> = {}) => ({
    ...withMeta(buildContact({ name: '王经理', birthday }), {
      id: 'ct-1',
      workspaceId: 'w',
      by: 'rep-n',
    }),
    ...overrides,
  });

  it('a birthday shows 3 days ahead until the day, keyed by the year', () => {
    expect(birthdayItems(contact('1985-12-10'), ctx(at('2026-12-06T23:00:00'))).items).toEqual([]);
    const result = birthdayItems(contact('1985-12-10'), ctx(at('2026-12-07T08:00:00')));
    expect(result.items).toEqual([
      expect.objectContaining({
        key: 'birthday:contacts:ct-1:2026',
        recipientId: 'rep-n',
        dueAt: at('2026-12-07T00:00:00'),
        params: { date: '2026-12-10', days: '3', years: '41' },
      }),
    ]);
    expect(result.nextAt).toBe(at('2026-12-11T00:00:00'));
    // After the day, next year's occurrence (a new key) is months away.
    expect(birthdayItems(contact('1985-12-10'), ctx(at('2026-12-11T08:00:00'))).items).toEqual([]);
  });

  it('across the new year and on 29 February', () => {
    expect(birthdayItems(contact('1990-01-01'), ctx(at('2026-12-30T08:00:00'))).items[0].key).toBe(
      'birthday:contacts:ct-1:2027',
    );
    expect(nextOccurrence('02-29', '2027-02-01')).toBe('2027-02-28');
    expect(nextOccurrence('02-29', '2028-02-01')).toBe('2028-02-29');
    expect(monthDayRanges('2026-12-30', 3)).toEqual([
      ['12-30', '12-31'],
      ['01-01', '01-02'],
    ]);
    expect(monthDayRanges('2027-02-25', 3)).toEqual([['02-25', '02-29']]);
  });

  it('an anniversary counts the years since customerSince and skips the first year', () => {
    const account = (customerSince: string) => ({
      ...withMeta(buildAccount({ name: '华光科技' }), {
        id: 'acc-1',
        workspaceId: 'w',
        by: 'rep-n',
      }),
      customerSince,
    });
    const [item] = anniversaryItems(account('2021-12-12'), ctx(at('2026-12-07T08:00:00'))).items;
    expect(item).toMatchObject({
      key: 'anniversary:accounts:acc-1:2026',
      params: { date: '2026-12-12', days: '5', years: '5' },
    });
    expect(anniversaryItems(account('2026-12-12'), ctx(at('2026-12-07T08:00:00'))).items).toEqual(
      [],
    );
    expect(anniversaryItems(account(''), ctx(at('2026-12-07T08:00:00'))).items).toEqual([]);
  });

  it('deleted and unowned contacts raise nothing', () => {
    const now = at('2026-12-08T08:00:00');
    expect(birthdayItems(contact('1985-12-10', { deleted: true }), ctx(now)).items).toEqual([]);
    expect(birthdayItems(contact('1985-12-10', { ownerId: '' }), ctx(now)).items).toEqual([]);
  });
});
