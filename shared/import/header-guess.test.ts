import { describe, expect, it } from 'vitest';
import { guessMapping, layoutSignature, missingRequired, normalizeHeader } from './header-guess';

describe('normalizeHeader', () => {
  it('folds width, case, spaces, punctuation and a trailing bracketed note', () => {
    expect(normalizeHeader(' 手机（必填） ')).toBe('手机');
    expect(normalizeHeader('Ｅ－ｍａｉｌ')).toBe('email');
    expect(normalizeHeader('Company  Name *')).toBe('companyname');
  });
});

describe('guessMapping', () => {
  it('maps Chinese account headers', () => {
    const mapping = guessMapping('accounts', [
      '客户名称',
      '统一社会信用代码',
      '所属行业',
      '省份',
      '负责人',
      '不相关的列',
    ]);
    expect(mapping).toEqual(['name', 'creditCode', 'industry', 'region', 'ownerId', null]);
  });

  it('maps English account headers', () => {
    expect(
      guessMapping('accounts', ['Account name', 'Credit code', 'Industry', 'Region', 'Owner']),
    ).toEqual(['name', 'creditCode', 'industry', 'region', 'ownerId']);
  });

  it('maps contact headers, the company to the account relation', () => {
    expect(guessMapping('contacts', ['姓名', '公司名称', '手机号', '邮箱', 'WeChat'])).toEqual([
      'name',
      'accountName',
      'mobile',
      'email',
      'wechat',
    ]);
  });

  it('never gives one field two columns', () => {
    const mapping = guessMapping('accounts', ['公司名称', '客户名称', '企业名称']);
    expect(mapping).toEqual(['name', null, null]);
  });

  it('prefers an exact header to a partial one', () => {
    // "客户名称简写" contains 客户名称 but the exact "企业名称" takes the name.
    expect(guessMapping('accounts', ['客户名称简写', '企业名称'])).toEqual([null, 'name']);
  });
});

describe('layoutSignature and missingRequired', () => {
  it('matches the same layout spelled differently', () => {
    expect(layoutSignature('accounts', ['公司名称', 'Ｍobile'])).toBe(
      layoutSignature('accounts', [' 公司名称 ', 'mobile']),
    );
    expect(layoutSignature('accounts', ['a'])).not.toBe(layoutSignature('contacts', ['a']));
  });
  it('names required fields left unmapped', () => {
    expect(missingRequired('accounts', ['creditCode'])).toEqual(['name']);
    expect(missingRequired('accounts', ['name'])).toEqual([]);
  });
});
