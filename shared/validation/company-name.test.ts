import { describe, expect, it } from 'vitest';
import {
  cleanCompanyName,
  companyNameKey,
  looksLikeFullCompanyName,
  toHalfWidth,
} from './company-name';

describe('toHalfWidth / cleanCompanyName', () => {
  it('converts full-width ASCII and ideographic spaces', () => {
    expect(toHalfWidth('ＡＢＣ１２３（）')).toBe('ABC123()');
    expect(toHalfWidth('北京\u3000字节')).toBe('北京 字节');
  });

  it('trims and collapses whitespace', () => {
    expect(cleanCompanyName('\u3000 腾讯科技（深圳）  有限公司 ')).toBe('腾讯科技(深圳) 有限公司');
  });
});

describe('companyNameKey collisions (same company written differently)', () => {
  it.each([
    ['北京字节跳动科技有限公司', '北京字节跳动科技（有限公司）'],
    ['北京字节跳动科技有限公司', '\u3000北京字节跳动科技 有限公司\u3000'],
    ['北京字节跳动科技有限公司', '北京 字节跳动 科技 有限公司'],
    ['北京字节跳动科技有限公司', '北京字节跳动科技'],
    ['ByteDance Ltd.', 'Bytedance Co., Ltd.'],
    ['ByteDance Ltd.', 'BYTEDANCE LIMITED'],
    ['ByteDance Ltd.', 'Byte Dance Company Limited'],
    ['Ｂｙｔｅｄａｎｃｅ　Ｌｔｄ', 'ByteDance Ltd'],
    ['腾讯科技（深圳）有限公司', '腾讯科技(深圳)有限公司'],
    ['腾讯科技（深圳）有限公司', '腾讯科技【深圳】有限公司'],
    ['中国平安保险（集团）股份有限公司', '中国平安保险股份有限公司'],
    ['华为技术有限公司', '华为技术有限责任公司'],
    ['Apple Inc.', 'Apple Corporation'],
    ['李宁·体育用品有限公司', '李宁体育用品有限公司'],
  ])('%s ≡ %s', (a, b) => {
    expect(companyNameKey(a)).toBe(companyNameKey(b));
    expect(companyNameKey(a)).not.toBe('');
  });

  it('produces readable keys', () => {
    expect(companyNameKey('北京字节跳动科技有限公司')).toBe('北京字节跳动科技');
    expect(companyNameKey('腾讯科技（深圳）有限公司')).toBe('腾讯科技深圳');
    expect(companyNameKey('Bytedance Co., Ltd.')).toBe('bytedance');
  });
});

describe('companyNameKey non-collisions (different companies)', () => {
  it.each([
    ['北京字节跳动科技有限公司', '上海字节跳动科技有限公司'],
    ['腾讯科技（深圳）有限公司', '腾讯科技（北京）有限公司'],
    ['腾讯科技（深圳）有限公司', '深圳市腾讯计算机系统有限公司'],
    ['华为技术有限公司', '华为终端有限公司'],
    ['阿里巴巴（中国）有限公司', '阿里云计算有限公司'],
    ['ByteDance Ltd.', 'ByteDance Technology Ltd.'],
    // Latin legal forms are whole words: "co" inside a brand is not a suffix.
    ['Costco', 'Cost Co., Ltd.'],
    ['Tesco PLC', 'Tes Inc.'],
    ['Zinc Ltd', 'Z Ltd'],
  ])('%s ≠ %s', (a, b) => {
    expect(companyNameKey(a)).not.toBe(companyNameKey(b));
  });
});

describe('companyNameKey edge cases', () => {
  it('is empty for input without letters, digits or CJK characters', () => {
    expect(companyNameKey('')).toBe('');
    expect(companyNameKey('   ')).toBe('');
    expect(companyNameKey('（）')).toBe('');
  });

  it('never strips a name down to nothing', () => {
    expect(companyNameKey('有限公司')).not.toBe('');
    expect(companyNameKey('Limited')).toBe('limited');
  });
});

describe('looksLikeFullCompanyName', () => {
  it.each([
    '北京字节跳动科技有限公司',
    '腾讯科技（深圳）有限公司',
    '中国平安保险（集团）股份有限公司',
    '北京字节跳动科技（有限公司）',
    '华为技术有限责任公司',
    '中国工商银行股份有限公司',
    '北京大学',
    '北京协和医院',
    '上海市锦天城律师事务所',
    'ByteDance Ltd.',
    'Bytedance Co., Ltd.',
    'Apple Inc.',
    'The Coca-Cola Company',
    'Siemens GmbH',
  ])('accepts %s', (name) => {
    expect(looksLikeFullCompanyName(name)).toBe(true);
  });

  it.each(['字节跳动', '腾讯', '抖音', 'ByteDance', 'Costco', 'Tesco', 'Zinc', ''])(
    'rejects the brand or nickname %s',
    (name) => {
      expect(looksLikeFullCompanyName(name)).toBe(false);
    },
  );
});
