import { describe, expect, it } from 'vitest';
import { dashboardFormats } from './dashboard-formats';

const zh = dashboardFormats('zh-CN');
const en = dashboardFormats('en');

describe('dashboardFormats', () => {
  it('writes large amounts compactly: 万/亿 in Chinese, K/M in English', () => {
    expect(zh.compactMoney(12_345)).toBe('¥1.2万');
    expect(zh.compactMoney(1_234_567)).toBe('¥123.5万');
    expect(zh.compactMoney(123_456_789)).toBe('¥1.2亿');
    expect(zh.compactMoney(0)).toBe('¥0');
    expect(en.compactMoney(12_345)).toBe('CN¥12.3K');
    expect(en.compactMoney(1_234_567)).toBe('CN¥1.2M');
    expect(en.compactMoney(999)).toBe('CN¥999');
  });

  it('writes full amounts, numbers, percentages and days', () => {
    expect(zh.money(1_234_567)).toBe('¥1,234,567');
    expect(en.money(1_234_567)).toBe('CN¥1,234,567');
    expect(en.number(1234.56)).toBe('1,234.6');
    expect(zh.percent(0.1234)).toBe('12.3%');
    expect(en.percent(1)).toBe('100%');
    expect(zh.days(12)).toBe('12天');
    expect(en.days(12)).toBe('12 days');
    expect(en.days(1)).toBe('1 day');
    expect(zh.date('2026-12-07')).toBe('2026-12-07');
  });

  it('writes — for a value without a denominator', () => {
    for (const f of [zh, en]) {
      expect(f.money(null)).toBe('—');
      expect(f.compactMoney(null)).toBe('—');
      expect(f.percent(null)).toBe('—');
      expect(f.number(Number.NaN)).toBe('—');
      expect(f.days(null)).toBe('—');
      expect(f.date('')).toBe('—');
    }
  });
});
