import { describe, expect, it } from 'vitest';
import {
  countsForDuplicates,
  creditCodeRefusal,
  duplicateProbeOf,
  findDuplicateHits,
  findDuplicateReasons,
  type CreditCodeHolder,
  type DuplicateSource,
} from './duplicates';

describe('findDuplicateReasons', () => {
  it('matches the same credit code after normalizing', () => {
    expect(
      findDuplicateReasons(
        { creditCode: '9144 0300 7152 6726 xg' },
        { creditCode: '9144030071526726XG' },
      ),
    ).toEqual(['creditCode']);
  });

  it('matches the same company written differently', () => {
    expect(
      findDuplicateReasons(
        { name: '腾讯科技（深圳）有限公司' },
        { name: '腾讯科技(深圳)有限公司' },
      ),
    ).toEqual(['name']);
    expect(
      findDuplicateReasons({ name: 'ByteDance Ltd.' }, { name: 'Bytedance Co., Ltd.' }),
    ).toEqual(['name']);
  });

  it('matches mobile numbers and e-mail addresses after normalizing', () => {
    expect(
      findDuplicateReasons({ mobile: '+86 138-0013-8000' }, { mobile: '13800138000' }),
    ).toEqual(['mobile']);
    expect(
      findDuplicateReasons(
        { email: ' Zhang.Wei@Example.com ' },
        { email: 'zhang.wei@example.com' },
      ),
    ).toEqual(['email']);
  });

  it('lists every reason, strongest first', () => {
    const record = {
      name: '华为技术有限公司',
      creditCode: '914403001922038216',
      mobile: '13800138000',
      email: 'a@huawei.com',
    };
    expect(findDuplicateReasons({ ...record, name: '华为技术有限责任公司' }, record)).toEqual([
      'creditCode',
      'name',
      'mobile',
      'email',
    ]);
  });

  it('never matches on empty or missing values', () => {
    expect(findDuplicateReasons({}, {})).toEqual([]);
    expect(
      findDuplicateReasons(
        { name: '', creditCode: '', mobile: '', email: '' },
        { name: '', creditCode: '', mobile: '', email: '' },
      ),
    ).toEqual([]);
    expect(
      findDuplicateReasons(
        { name: '  ', creditCode: ' - ', mobile: ' ', email: '  ' },
        { name: '（）', creditCode: '', mobile: '', email: '' },
      ),
    ).toEqual([]);
    expect(
      findDuplicateReasons({ creditCode: '914403001922038216' }, { name: '华为技术有限公司' }),
    ).toEqual([]);
  });

  it('does not match different companies or people', () => {
    expect(
      findDuplicateReasons(
        {
          name: '腾讯科技（深圳）有限公司',
          creditCode: '9144030071526726XG',
          mobile: '13800138000',
          email: 'a@example.com',
        },
        {
          name: '华为技术有限公司',
          creditCode: '914403001922038216',
          mobile: '13900139000',
          email: 'b@example.com',
        },
      ),
    ).toEqual([]);
  });
});

const TENCENT = '9144030071526726XG';
const HUAWEI = '914403001922038216';
const base = { ownerId: 'u-wang', teamId: 't-east', deleted: false, mergedIntoId: '' };
const account = (id: string, fields: Partial<DuplicateSource> = {}): DuplicateSource => ({
  ...base,
  id,
  name: '腾讯科技（深圳）有限公司',
  creditCode: TENCENT,
  ...fields,
});
const lead = (id: string, fields: Partial<DuplicateSource> = {}): DuplicateSource => ({
  ...base,
  id,
  name: '张伟',
  company: '腾讯科技(深圳)有限公司',
  mobile: '13800138000',
  email: 'zhang@example.com',
  status: 'new',
  ...fields,
});

describe('duplicateProbeOf', () => {
  it("compares a lead's company, not its person's name, and only each kind's own fields", () => {
    expect(duplicateProbeOf('leads', lead('l1'))).toEqual({
      name: '腾讯科技(深圳)有限公司',
      mobile: '13800138000',
      email: 'zhang@example.com',
    });
    expect(duplicateProbeOf('accounts', account('a1', { mobile: '13800138000' }))).toEqual({
      name: '腾讯科技（深圳）有限公司',
      creditCode: TENCENT,
    });
    expect(
      duplicateProbeOf('contacts', { ...base, id: 'c1', name: '李娜', mobile: '139', email: '' }),
    ).toEqual({ mobile: '139', email: '' });
  });
});

describe('countsForDuplicates', () => {
  it('leaves out deleted records, merge losers and closed leads', () => {
    expect(countsForDuplicates('accounts', account('a1'))).toBe(true);
    expect(countsForDuplicates('accounts', account('a1', { deleted: true }))).toBe(false);
    expect(countsForDuplicates('accounts', account('a1', { mergedIntoId: 'a2' }))).toBe(false);
    expect(countsForDuplicates('leads', lead('l1', { status: 'contacted' }))).toBe(true);
    expect(countsForDuplicates('leads', lead('l1', { status: 'converted' }))).toBe(false);
    expect(countsForDuplicates('leads', lead('l1', { status: 'disqualified' }))).toBe(false);
    // Accounts have no lead status: a status field never closes them.
    expect(countsForDuplicates('accounts', account('a1', { status: 'converted' }))).toBe(true);
  });
});

describe('findDuplicateHits', () => {
  it("finds a new lead's company among accounts and other reps' leads, strongest reason first", () => {
    const hits = findDuplicateHits(
      { name: '腾讯科技(深圳)有限公司', mobile: '+86 138 0013 8000' },
      [
        { kind: 'leads', record: lead('l1', { ownerId: 'u-li', company: '' }) },
        { kind: 'accounts', record: account('a1') },
        { kind: 'leads', record: lead('l2', { ownerId: 'u-li', mobile: '' }) },
      ],
    );
    expect(hits).toEqual([
      { kind: 'accounts', id: 'a1', ownerId: 'u-wang', teamId: 't-east', reasons: ['name'] },
      { kind: 'leads', id: 'l2', ownerId: 'u-li', teamId: 't-east', reasons: ['name'] },
      { kind: 'leads', id: 'l1', ownerId: 'u-li', teamId: 't-east', reasons: ['mobile'] },
    ]);
  });

  it('finds an open lead for a new account, never a converted one', () => {
    const existing = [
      { kind: 'leads' as const, record: lead('open') },
      { kind: 'leads' as const, record: lead('done', { status: 'converted' }) },
    ];
    const hits = findDuplicateHits(
      { name: '腾讯科技（深圳）有限公司', creditCode: HUAWEI },
      existing,
    );
    expect(hits.map((h) => [h.id, h.reasons])).toEqual([['open', ['name']]]);
  });

  it('skips the record being edited, merge losers, deleted records and repeats', () => {
    const hits = findDuplicateHits(
      { name: '腾讯科技（深圳）', creditCode: TENCENT },
      [
        { kind: 'accounts', record: account('self') },
        { kind: 'accounts', record: account('loser', { mergedIntoId: 'self' }) },
        { kind: 'accounts', record: account('gone', { deleted: true }) },
        { kind: 'accounts', record: account('other') },
        { kind: 'accounts', record: account('other') },
      ],
      'self',
    );
    expect(hits.map((h) => [h.id, h.reasons])).toEqual([['other', ['creditCode', 'name']]]);
  });

  it('matches contacts by mobile and e-mail only', () => {
    const contact = { ...base, id: 'c1', name: '腾讯科技', mobile: '', email: 'ZHANG@example.com' };
    expect(
      findDuplicateHits({ name: '腾讯科技', email: 'zhang@example.com' }, [
        { kind: 'contacts', record: contact },
      ]).map((h) => h.reasons),
    ).toEqual([['email']]);
  });
});

describe('creditCodeRefusal', () => {
  const holder = (id: string, fields: Partial<CreditCodeHolder> = {}): CreditCodeHolder => ({
    ...base,
    id,
    creditCode: TENCENT,
    ...fields,
  });

  it('refuses a new account whose credit code another live account has, naming it and its owner', () => {
    expect(
      creditCodeRefusal(null, holder('new', { creditCode: '9144 0300 7152 6726 xg' }), [
        holder('a1', { ownerId: 'u-li' }),
      ]),
    ).toEqual({ reason: 'creditCodeTaken', existingId: 'a1', ownerId: 'u-li' });
  });

  it('refuses an edit that changes the code to a taken one, and a restored account whose code was taken', () => {
    const taken = [holder('a1')];
    expect(
      creditCodeRefusal(holder('a2', { creditCode: HUAWEI }), holder('a2'), taken)?.existingId,
    ).toBe('a1');
    expect(
      creditCodeRefusal(holder('a2', { deleted: true }), holder('a2'), taken)?.existingId,
    ).toBe('a1');
  });

  it('lets the same account keep its code, and edits of an account that already shared it', () => {
    expect(creditCodeRefusal(null, holder('a1'), [holder('a1')])).toBeNull();
    // Two accounts stored before the rule: editing one of them (its code unchanged) is not refused.
    expect(
      creditCodeRefusal(holder('a2'), holder('a2', { ownerId: 'u-li' }), [holder('a1')]),
    ).toBeNull();
  });

  it('counts no deleted or merged-away account, and refuses nothing deleted, merged or without a code', () => {
    const holders = [holder('gone', { deleted: true }), holder('loser', { mergedIntoId: 'a9' })];
    expect(creditCodeRefusal(null, holder('new'), holders)).toBeNull();
    const taken = [holder('a1')];
    expect(creditCodeRefusal(null, holder('new', { creditCode: '' }), taken)).toBeNull();
    expect(creditCodeRefusal(null, holder('new', { deleted: true }), taken)).toBeNull();
    expect(creditCodeRefusal(null, holder('new', { mergedIntoId: 'a1' }), taken)).toBeNull();
  });
});
