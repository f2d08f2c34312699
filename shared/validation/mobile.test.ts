import { describe, expect, it } from 'vitest';
import { isValidMobile, normalizeMobile } from './mobile';

describe('isValidMobile', () => {
  it.each([
    '13800138000',
    '+86 138-0013-8000',
    '0086 13912345678',
    '8613800138000',
    '19912345678',
    '16612345678',
    '147 1234 5678',
    '(+86) 138 0013 8000',
  ])('accepts %s', (input) => {
    expect(isValidMobile(input)).toBe(true);
  });

  it.each([
    ['second digit 2', '12345678901'],
    ['second digit 0', '10012345678'],
    ['10 digits', '1380013800'],
    ['12 digits', '138001380001'],
    ['a Beijing landline', '010-12345678'],
    ['a Shenzhen landline with area code', '0755-86013388'],
    ['letters', '138OO138OOO'],
    ['letters mixed in', '1380013800a'],
    ['an empty string', ''],
    ['a +86 prefix on a landline', '+86 10 1234 5678'],
  ])('rejects %s (%s)', (_case, input) => {
    expect(isValidMobile(input)).toBe(false);
  });
});

describe('normalizeMobile', () => {
  it('stores the bare 11 digits', () => {
    expect(normalizeMobile('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizeMobile('0086 13912345678')).toBe('13912345678');
    expect(normalizeMobile('86 139 1234 5678')).toBe('13912345678');
    expect(normalizeMobile('（138）0013 8000')).toBe('13800138000');
  });

  it('leaves a number that is not a mobile number recognisable rather than guessing', () => {
    expect(normalizeMobile('010-12345678')).toBe('01012345678');
    expect(normalizeMobile('')).toBe('');
  });
});
