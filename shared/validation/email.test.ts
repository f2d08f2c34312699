import { describe, expect, it } from 'vitest';
import { isValidEmail, normalizeEmail } from './email';

describe('isValidEmail', () => {
  it.each([
    'name@example.com',
    'zhang.san@company.com.cn',
    'first+tag@sub.example.org',
    'Li.Si@Example.COM',
    '  wang@example.cn  ',
    "o'brien@example.ie",
    'user_01@xn--fiqs8s.cn',
  ])('accepts %s', (input) => {
    expect(isValidEmail(input)).toBe(true);
  });

  it.each([
    ['no @', 'name.example.com'],
    ['two @', 'name@@example.com'],
    ['no domain dot', 'name@localhost'],
    ['no local part', '@example.com'],
    ['no domain', 'name@'],
    ['a space inside', 'zhang san@example.com'],
    ['a domain label starting with a dash', 'name@-example.com'],
    ['a domain label ending with a dash', 'name@example-.com'],
    ['a trailing dot', 'name@example.com.'],
    ['a full-width @', 'name＠example.com'],
    ['Chinese characters', '张三@例子.中国'],
    ['an empty string', ''],
  ])('rejects %s (%s)', (_case, input) => {
    expect(isValidEmail(input)).toBe(false);
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases so duplicates compare like with like', () => {
    expect(normalizeEmail('  Li.Si@Example.COM ')).toBe('li.si@example.com');
    expect(normalizeEmail('li.si@example.com')).toBe(normalizeEmail('LI.SI@EXAMPLE.COM'));
  });
});
