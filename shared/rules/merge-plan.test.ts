import { describe, expect, it } from 'vitest';
import type { Account, Activity, Contact, Deal, Lead } from '../domain/entities';
import { accountSchema } from '../domain/entities';
import { storedForm } from './stored-form';
import {
  defaultChoice,
  mergeableFields,
  moveCounts,
  planMerge,
  survivorOf,
  type MergePlan,
} from './merge-plan';
import {
  buildAccount,
  buildActivity,
  buildComment,
  buildContact,
  buildContract,
  buildDeal,
  buildLead,
  buildTicket,
  withMeta,
} from '../../test/support/factories';

const meta = (id: string, by = 'u1') => ({ id, workspaceId: 'ws', by, at: 1000 });

// Two records of 上海云杉: the survivor has the credit code and a phone; the loser a website, a customer-since
// date and a later activity.
const survivor: Account = storedForm(
  'accounts',
  withMeta(
    buildAccount({
      name: '上海云杉信息技术有限公司',
      creditCode: '91310000MA1FL5XQ1B',
      phone: '021-5555 0001',
      website: '',
      tags: ['vip'],
      customerSince: '',
      lastActivityAt: 5_000,
    }),
    meta('acc-s', 'rep-a'),
  ),
);
const loser: Account = storedForm(
  'accounts',
  withMeta(
    buildAccount({
      name: '上海云杉信息技术',
      creditCode: '',
      phone: '021-5555 0002',
      website: 'https://yunshan.example.com',
      tags: ['华东'],
      customerSince: '2020-03-15',
      lastActivityAt: 9_000,
    }),
    meta('acc-l', 'rep-b'),
  ),
);

function ok<K extends 'accounts' | 'contacts' | 'leads'>(
  result: ReturnType<typeof planMerge<K>>,
): MergePlan<K> {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusal)}`);
  return result.plan;
}

describe('merge plan: which value each field keeps', () => {
  it('keeps the survivor’s filled values and takes a loser’s value where the survivor is empty', () => {
    const plan = ok(planMerge({ kind: 'accounts', survivor, losers: [loser], now: 2_000 }));
    // Survivor's: name, credit code, phone, tags, owner. Loser's: website and customer-since (survivor empty).
    expect(plan.survivor).toMatchObject({
      name: '上海云杉信息技术有限公司',
      creditCode: '91310000MA1FL5XQ1B',
      phone: '021-5555 0001',
      website: 'https://yunshan.example.com',
      tags: ['vip'],
      customerSince: '2020-03-15',
      ownerId: 'rep-a',
    });
    // Only what changed is written (each one a normal field write, so history keeps the old value).
    expect(plan.survivorChanges).toEqual({
      website: 'https://yunshan.example.com',
      customerSince: '2020-03-15',
      anniversaryMonthDay: '03-15', // derived again from customerSince
      lastActivityAt: 9_000, // the latest of all, never chosen
    });
    expect(accountSchema.safeParse(plan.survivor).success).toBe(true);
  });

  it('takes each field from the record the person chose, and re-derives what follows from it', () => {
    const plan = ok(
      planMerge({
        kind: 'accounts',
        survivor,
        losers: [loser],
        choices: { name: 'acc-l', phone: 'acc-l', website: 'acc-s', ownerId: 'acc-l' },
        now: 2_000,
      }),
    );
    expect(plan.survivorChanges).toMatchObject({
      name: '上海云杉信息技术',
      phone: '021-5555 0002',
      ownerId: 'rep-b',
    });
    // The normalized name follows the chosen name (storedForm): here both names normalize alike.
    expect(plan.survivor.nameKey).toBe('上海云杉信息技术');
    // The survivor's empty website was chosen on purpose: it stays empty.
    expect(plan.survivor.website).toBe('');
    expect(plan.survivorChanges).not.toHaveProperty('website');
  });

  it('defaults to the first loser (in the order given) that has a value when the survivor has none', () => {
    const empty = withMeta(buildAccount({ website: '' }), meta('acc-1'));
    const alsoEmpty = withMeta(buildAccount({ website: '' }), meta('acc-2'));
    const second = withMeta(buildAccount({ website: 'https://b.example.com' }), meta('acc-3'));
    const third = withMeta(buildAccount({ website: 'https://c.example.com' }), meta('acc-4'));
    expect(defaultChoice('website', empty, [alsoEmpty, second, third])).toBe('acc-3');
    expect(defaultChoice('website', empty, [alsoEmpty])).toBe('acc-1');
    // Zero and empty lists count as empty too.
    expect(defaultChoice('tags', empty, [third])).toBe('acc-1'); // all []: the survivor's
  });

  it('offers a choice for the fields a person typed, not derived, kept or bookkeeping ones', () => {
    const fields = mergeableFields([survivor, loser]);
    expect(fields).toEqual(expect.arrayContaining(['name', 'creditCode', 'phone', 'ownerId']));
    for (const notChosen of [
      'id',
      'nameKey',
      'anniversaryMonthDay',
      'lastActivityAt',
      'mergedIntoId',
      'deleted',
      'teamId',
      'updatedAt',
    ])
      expect(fields).not.toContain(notChosen);
  });
});

describe('merge plan: the losers', () => {
  it('makes each loser a soft-deleted tombstone pointing to the survivor', () => {
    const third = withMeta(buildAccount(), meta('acc-3'));
    const plan = ok(planMerge({ kind: 'accounts', survivor, losers: [loser, third], now: 2_000 }));
    expect(plan.tombstones).toEqual([
      { id: 'acc-l', changes: { deleted: true, deletedAt: 2_000, mergedIntoId: 'acc-s' } },
      { id: 'acc-3', changes: { deleted: true, deletedAt: 2_000, mergedIntoId: 'acc-s' } },
    ]);
  });

  it('refuses a merge of one record, a survivor among the losers, a record already merged, an unknown choice', () => {
    expect(planMerge({ kind: 'accounts', survivor, losers: [], now: 0 })).toEqual({
      ok: false,
      refusal: { reason: 'tooFew' },
    });
    expect(planMerge({ kind: 'accounts', survivor, losers: [survivor], now: 0 })).toEqual({
      ok: false,
      refusal: { reason: 'survivorIsLoser', id: 'acc-s' },
    });
    const gone = { ...loser, mergedIntoId: 'acc-x' };
    expect(planMerge({ kind: 'accounts', survivor, losers: [gone], now: 0 })).toEqual({
      ok: false,
      refusal: { reason: 'alreadyMerged', id: 'acc-l' },
    });
    expect(
      planMerge({
        kind: 'accounts',
        survivor,
        losers: [loser],
        choices: { name: 'acc-9' },
        now: 0,
      }),
    ).toEqual({ ok: false, refusal: { reason: 'unknownChoice', field: 'name', id: 'acc-9' } });
  });
});

describe('merge plan: where related records go', () => {
  const rec = <T extends object>(fields: T, id: string) => withMeta(fields, meta(id));

  it('moves an account’s contacts, deals, tickets, contracts, activities and comments to the survivor', () => {
    const related = {
      contacts: [
        rec(buildContact({ accountId: 'acc-l' }), 'c-1'),
        rec(buildContact({ accountId: 'acc-s' }), 'c-2'), // already the survivor's: stays
      ],
      deals: [rec(buildDeal({ accountId: 'acc-l', contactId: 'c-1' }), 'd-1')],
      tickets: [rec(buildTicket({ accountId: 'acc-l' }), 't-1')],
      contracts: [rec(buildContract({ accountId: 'acc-l' }), 'k-1')],
      activities: [
        // A call on the loser account itself: both its account and its record move.
        rec(
          buildActivity({ relatedType: 'account', relatedId: 'acc-l', accountId: 'acc-l' }),
          'a-1',
        ),
        // A call on a deal of the loser: it stays on the deal, its timeline account moves.
        rec(buildActivity({ relatedType: 'deal', relatedId: 'd-1', accountId: 'acc-l' }), 'a-2'),
        // A comment on the loser account.
        rec(
          buildComment({ relatedType: 'account', relatedId: 'acc-l', accountId: 'acc-l' }),
          'm-1',
        ),
        // Someone else's account: untouched.
        rec(
          buildActivity({ relatedType: 'account', relatedId: 'acc-9', accountId: 'acc-9' }),
          'a-3',
        ),
      ],
    };
    const plan = ok(planMerge({ kind: 'accounts', survivor, losers: [loser], related, now: 1 }));
    expect(plan.moves).toEqual([
      { collection: 'contacts', id: 'c-1', changes: { accountId: 'acc-s' } },
      { collection: 'deals', id: 'd-1', changes: { accountId: 'acc-s' } },
      { collection: 'contracts', id: 'k-1', changes: { accountId: 'acc-s' } },
      { collection: 'tickets', id: 't-1', changes: { accountId: 'acc-s' } },
      { collection: 'activities', id: 'a-1', changes: { accountId: 'acc-s', relatedId: 'acc-s' } },
      { collection: 'activities', id: 'a-2', changes: { accountId: 'acc-s' } },
      { collection: 'activities', id: 'm-1', changes: { accountId: 'acc-s', relatedId: 'acc-s' } },
    ]);
    expect(moveCounts(plan.moves)).toEqual({
      contacts: 1,
      deals: 1,
      contracts: 1,
      tickets: 1,
      activities: 3,
    });
  });

  it('moves a contact’s activities and the deals that name it as contact or decision maker', () => {
    const keep: Contact = withMeta(buildContact({ accountId: 'acc-s', name: '李雷' }), meta('c-s'));
    const gone: Contact = withMeta(
      buildContact({ accountId: 'acc-s', name: '李雷 ' }),
      meta('c-l'),
    );
    const deals: Deal[] = [
      rec(buildDeal({ accountId: 'acc-s', contactId: 'c-l', decisionMakerId: 'c-l' }), 'd-1'),
      rec(buildDeal({ accountId: 'acc-s', contactId: 'c-s', decisionMakerId: 'c-l' }), 'd-2'),
    ];
    const activities: Activity[] = [
      rec(buildActivity({ relatedType: 'contact', relatedId: 'c-l', accountId: 'acc-s' }), 'a-1'),
    ];
    const tickets = [rec(buildTicket({ accountId: 'acc-s', contactId: 'c-l' }), 't-1')];
    const plan = ok(
      planMerge({
        kind: 'contacts',
        survivor: keep,
        losers: [gone],
        related: { deals, activities, tickets },
        now: 1,
      }),
    );
    expect(plan.moves).toEqual([
      { collection: 'deals', id: 'd-1', changes: { contactId: 'c-s', decisionMakerId: 'c-s' } },
      { collection: 'deals', id: 'd-2', changes: { decisionMakerId: 'c-s' } },
      { collection: 'tickets', id: 't-1', changes: { contactId: 'c-s' } },
      { collection: 'activities', id: 'a-1', changes: { relatedId: 'c-s' } },
    ]);
  });

  it('moves a lead’s activities; a merged lead keeps the better score only when chosen', () => {
    const keep: Lead = withMeta(buildLead({ score: 40, mobile: '' }), meta('l-s'));
    const gone: Lead = withMeta(buildLead({ score: 70, mobile: '13900000001' }), meta('l-l'));
    const activities = [
      rec(buildActivity({ relatedType: 'lead', relatedId: 'l-l' }), 'a-1'),
      rec(buildActivity({ relatedType: 'account', relatedId: 'l-l' }), 'a-2'), // an account's, same id text
    ];
    const plan = ok(
      planMerge({ kind: 'leads', survivor: keep, losers: [gone], related: { activities }, now: 1 }),
    );
    expect(plan.moves).toEqual([
      { collection: 'activities', id: 'a-1', changes: { relatedId: 'l-s' } },
    ]);
    expect(plan.survivor.score).toBe(40);
    expect(plan.survivor.mobile).toBe('13900000001');
  });
});

describe('survivorOf', () => {
  it('follows a chain of merges to the record that is left', () => {
    const merged: Record<string, string> = { a: 'b', b: 'c' };
    expect(survivorOf('a', (id) => merged[id])).toBe('c');
    expect(survivorOf('c', (id) => merged[id])).toBe('c');
    expect(survivorOf('x', () => undefined)).toBe('x');
  });
});
