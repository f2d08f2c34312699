import { describe, expect, it } from 'vitest';
import { NgramIndex } from './ngram-index';
import { queryTerms, searchDocOf, type SearchDoc } from './search-text';

let lwt = 1;
function account(id: string, name: string, extra: Record<string, unknown> = {}): SearchDoc {
  return searchDocOf('accounts', {
    id,
    name,
    creditCode: '',
    nameKey: name.toLowerCase(),
    ownerId: 'u1',
    industry: 'I65',
    status: 'customer',
    tier: 'A',
    tags: [],
    deleted: false,
    updatedAt: 1000,
    _meta: { lwt: lwt++ },
    ...extra,
  });
}
function contact(
  id: string,
  name: string,
  mobile: string,
  email: string,
  extra: Record<string, unknown> = {},
): SearchDoc {
  return searchDocOf('contacts', {
    id,
    name,
    mobile,
    email,
    deleted: false,
    updatedAt: 1000,
    _meta: { lwt: lwt++ },
    ...extra,
  });
}

function ids(index: NgramIndex, query: string): string[] {
  return index.search(query, 10).map((h) => h.id);
}

function sampleIndex(): NgramIndex {
  const index = new NgramIndex();
  index.apply([
    account('a1', '北京星河数据科技有限公司', {
      creditCode: '91110108MA01ABCDE1',
      updatedAt: 3000,
    }),
    account('a2', '上海星河贸易有限公司', { updatedAt: 2000 }),
    account('a3', 'Redland Health Management Co., Ltd.', { updatedAt: 1000 }),
    contact('c1', '张伟', '13800138000', 'wei.zhang@xinghe.com'),
    contact('c2', '王芳', '13912345678', 'fang.wang@163.com'),
  ]);
  return index;
}

describe('NgramIndex', () => {
  it('finds Chinese by any substring and by a single character', () => {
    const index = sampleIndex();
    expect(ids(index, '星河')).toEqual(['a1', 'a2']);
    expect(ids(index, '数据科技')).toEqual(['a1']);
    expect(ids(index, '伟')).toEqual(['c1']);
    expect(ids(index, '有限公司')).toEqual(['a1', 'a2']);
    expect(ids(index, '星科')).toEqual([]);
  });

  it('finds Latin text by prefix and substring, case-insensitively and in full width', () => {
    const index = sampleIndex();
    expect(ids(index, 'redland')).toEqual(['a3']);
    expect(ids(index, 'HEALTH')).toEqual(['a3']);
    expect(ids(index, 'ａｌｔｈ')).toEqual(['a3']);
    expect(ids(index, 'r')).toEqual(['a3']);
    // A single Latin letter matches word starts, not every word containing it.
    expect(ids(index, 'e')).toEqual([]);
  });

  it('finds mobiles by any part (typed with spaces or +86) and e-mails by any part', () => {
    const index = sampleIndex();
    expect(ids(index, '0013')).toEqual(['c1']);
    expect(ids(index, '139 1234 5678')).toEqual(['c2']);
    expect(ids(index, '+86 138 0013 8000')).toEqual(['c1']);
    expect(ids(index, '@163.com')).toEqual(['c2']);
    expect(ids(index, 'zhang@xing')).toEqual(['c1']);
  });

  it('finds credit codes from their start', () => {
    const index = sampleIndex();
    expect(ids(index, '91110108')).toEqual(['a1']);
    expect(ids(index, '91110108ma01abcde1')).toEqual(['a1']);
  });

  it('ranks titles that start with the query first, then newer records', () => {
    const index = new NgramIndex();
    index.apply([
      account('old-prefix', '星河旧公司', { updatedAt: 1 }),
      account('new-contains', '北京星河新公司', { updatedAt: 9 }),
      account('new-prefix', '星河新公司', { updatedAt: 5 }),
    ]);
    expect(index.search('星河', 10).map((h) => [h.id, h.tier])).toEqual([
      ['new-prefix', 0],
      ['old-prefix', 0],
      ['new-contains', 2],
    ]);
    expect(index.search('星河', 2).map((h) => h.id)).toEqual(['new-prefix', 'old-prefix']);
  });

  it('applies changes and removals, and never lets an older state win', () => {
    const index = sampleIndex();
    index.apply([account('a2', '广州星河物流有限公司', { updatedAt: 4000 })]);
    expect(ids(index, '上海')).toEqual([]);
    expect(ids(index, '物流')).toEqual(['a2']);
    // A late delivery of an older state is ignored.
    index.apply([{ ...account('a2', '上海星河贸易有限公司'), lwt: 1 }]);
    expect(ids(index, '物流')).toEqual(['a2']);
    index.apply([account('a1', '北京星河数据科技有限公司', { deleted: true })]);
    expect(ids(index, '星河')).toEqual(['a2']);
    index.apply([{ ...account('a1', '北京星河数据科技有限公司'), lwt: 2 }]);
    expect(ids(index, '星河')).toEqual(['a2']);
    expect(index.size).toBe(4);
  });

  it('survives a snapshot round trip (compacted) and keeps taking changes', () => {
    const index = sampleIndex();
    index.apply([account('a2', '广州星河物流有限公司', { updatedAt: 4000 })]);
    const copy = NgramIndex.fromSnapshot(structuredClone(index.export()));
    expect(ids(copy, '星河')).toEqual(ids(index, '星河'));
    expect(ids(copy, '0013')).toEqual(['c1']);
    expect(copy.stats().deadDocuments).toBe(0);
    copy.apply([contact('c3', '李娜', '13700001111', 'na.li@xinghe.com')]);
    expect(ids(copy, 'xinghe')).toEqual(['c1', 'c3']);
  });

  it('filters, sorts and counts accounts by their list facets', () => {
    const index = new NgramIndex();
    index.apply([
      account('x1', '甲公司', {
        ownerId: 'u1',
        industry: 'I65',
        tags: ['mql'],
        updatedAt: 3,
        nameKey: 'c',
      }),
      account('x2', '乙公司', {
        ownerId: 'u2',
        industry: 'I64',
        tags: ['mql', 'renewal'],
        updatedAt: 2,
        nameKey: 'a',
      }),
      account('x3', '丙工厂', {
        ownerId: 'u1',
        industry: 'C27',
        status: 'partner',
        tags: [],
        updatedAt: 1,
        nameKey: 'b',
      }),
    ]);
    const newest = { field: 'updatedAt', direction: 'desc' } as const;
    expect(index.matchAccounts('', {}, newest)).toEqual(['x1', 'x2', 'x3']);
    expect(index.matchAccounts('', {}, { field: 'nameKey', direction: 'asc' })).toEqual([
      'x2',
      'x3',
      'x1',
    ]);
    expect(index.matchAccounts('', { industry: 'I' }, newest)).toEqual(['x1', 'x2']);
    expect(index.matchAccounts('', { tag: 'mql', ownerId: 'u1' }, newest)).toEqual(['x1']);
    expect(index.matchAccounts('公司', { tag: 'renewal' }, newest)).toEqual(['x2']);
    expect(index.countAccounts('', { status: 'partner' })).toBe(1);
    expect(index.countAccounts('', { tag: 'unknown' })).toBe(0);
    index.apply([account('x3', '丙工厂', { status: 'customer', updatedAt: 9, nameKey: 'b' })]);
    expect(index.matchAccounts('', {}, newest)).toEqual(['x3', 'x1', 'x2']);
    expect(index.countAccounts('', { status: 'partner' })).toBe(0);
  });

  it('lists the ids of a kind matching a query, newest first', () => {
    const index = sampleIndex();
    expect(index.matchIds('accounts', '有限')).toEqual(['a1', 'a2']);
    expect(index.matchIds('contacts', '有限')).toEqual([]);
  });
});

describe('queryTerms', () => {
  it('splits words, normalizes width and case, and reads phone numbers as digits', () => {
    expect(queryTerms('  北京  Ｓｔａｒ ')).toEqual(['北京', 'star']);
    expect(queryTerms('138-0013-8000')).toEqual(['13800138000']);
    expect(queryTerms('+86 13800138000')).toEqual(['13800138000']);
    expect(queryTerms('   ')).toEqual([]);
  });
});
