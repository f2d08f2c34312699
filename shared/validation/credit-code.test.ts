import { describe, expect, it } from 'vitest';
import { ValidationMessage } from './messages';
import {
  checkCreditCode,
  creditCodeCheckChar,
  isValidCreditCode,
  normalizeCreditCode,
} from './credit-code';

/**
 * Published unified social credit codes (营业执照 / 国家企业信用信息公示系统) of well-known companies. Each one
 * passes the GB 32100-2015 check, which is strong evidence the algorithm is right: a wrong weight or alphabet
 * would reject almost all of them.
 */
const REAL_CODES: [company: string, code: string][] = [
  ['北京百度网讯科技有限公司', '91110000802100433B'],
  ['华为技术有限公司', '914403001922038216'],
  ['腾讯科技（深圳）有限公司', '9144030071526726XG'],
  ['阿里巴巴（中国）有限公司', '91330100799655058B'],
  ['小米科技有限责任公司', '91110108551385082Q'],
  ['中国石油化工股份有限公司', '91110000710926094P'],
  ['中国工商银行股份有限公司', '91100000100003962T'],
  ['中国银行股份有限公司', '911000001000013428'],
  ['国家电网有限公司', '9111000071093123XX'],
  ['比亚迪股份有限公司', '91440300192317458F'],
  ['中国平安保险（集团）股份有限公司', '91440300100012316L'],
  ['招商银行股份有限公司', '9144030010001686XA'],
  ['万科企业股份有限公司', '91440300192181490G'],
  ['珠海格力电器股份有限公司', '91440400192548256N'],
  ['美的集团股份有限公司', '91440606722473344C'],
  ['中兴通讯股份有限公司', '9144030027939873X7'],
  ['宁德时代新能源科技股份有限公司', '91350900587527783P'],
  ['贵州茅台酒股份有限公司', '91520000214434146R'],
];

describe('checkCreditCode', () => {
  it.each(REAL_CODES)('accepts the code of %s', (_company, code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, value: code });
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('accepts a check character of 0 (sum divisible by 31) and of a letter', () => {
    expect(isValidCreditCode('911000001000013428')).toBe(true);
    expect(isValidCreditCode('9144030071526726XG')).toBe(true);
  });

  it('rejects a wrong check character with the checksum message', () => {
    expect(checkCreditCode('91110000802100433C')).toEqual({
      ok: false,
      message: ValidationMessage.creditCodeChecksum,
    });
    expect(checkCreditCode('914403001922038217')).toEqual({
      ok: false,
      message: ValidationMessage.creditCodeChecksum,
    });
  });

  it('rejects a single changed body character (what a typo does)', () => {
    expect(checkCreditCode('914403001922038116')).toEqual({
      ok: false,
      message: ValidationMessage.creditCodeChecksum,
    });
  });

  it('accepts lower case after normalizing', () => {
    expect(checkCreditCode('9144030071526726xg')).toEqual({
      ok: true,
      value: '9144030071526726XG',
    });
    expect(checkCreditCode('91110000802100433b')).toEqual({
      ok: true,
      value: '91110000802100433B',
    });
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])(
    'rejects the excluded letter %s with the format message',
    (letter) => {
      const code = `911100008021004${letter}3B`;
      expect(code).toHaveLength(18);
      expect(checkCreditCode(code)).toEqual({
        ok: false,
        message: ValidationMessage.creditCodeFormat,
      });
    },
  );

  it.each([
    ['17 characters', '91110000802100433'],
    ['19 characters', '91110000802100433BX'],
    ['letters in the region code', '911A0000802100433B'],
    ['letters at the end of the region code', '9111000X802100433B'],
    ['punctuation', '91110000802100433#'],
    ['an empty string', ''],
  ])('rejects %s with the format message', (_case, code) => {
    expect(checkCreditCode(code)).toEqual({
      ok: false,
      message: ValidationMessage.creditCodeFormat,
    });
  });
});

describe('normalizeCreditCode', () => {
  it('removes spaces and dashes and upper-cases', () => {
    expect(normalizeCreditCode(' 9144 0300 7152 6726 xg ')).toBe('9144030071526726XG');
    expect(normalizeCreditCode('91110000-802100433-b')).toBe('91110000802100433B');
    expect(normalizeCreditCode('9111\t0000\u00a0802100433B')).toBe('91110000802100433B');
  });

  it('is what checkCreditCode validates, so pasted codes pass', () => {
    expect(checkCreditCode('9144 0300 1922 0382 16')).toEqual({
      ok: true,
      value: '914403001922038216',
    });
    expect(checkCreditCode('91440300-19231745-8F')).toEqual({
      ok: true,
      value: '91440300192317458F',
    });
  });
});

describe('creditCodeCheckChar', () => {
  it('computes the check character from the first 17 characters', () => {
    for (const [, code] of REAL_CODES)
      expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('throws on a character outside the alphabet', () => {
    expect(() => creditCodeCheckChar('9111000080210043I')).toThrow(RangeError);
  });
});
