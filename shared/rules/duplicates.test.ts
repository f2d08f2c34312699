import { describe, expect, it } from 'vitest';
import { findDuplicateReasons } from './duplicates';

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
