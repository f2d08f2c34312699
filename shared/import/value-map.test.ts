import { describe, expect, it } from 'vitest';
import { REGIONS, SIZE_BANDS } from '../domain/lists';
import {
  industryLookup,
  listLookup,
  memberLookup,
  parseBoolean,
  parseDate,
  parseNumber,
  parseTimestamp,
} from './value-map';

describe('controlled lists', () => {
  it('matches codes and labels in both languages, folding width and case', () => {
    const region = listLookup(REGIONS, {
      guangdong: ['广东', 'Guangdong'],
      beijing: ['北京', 'Beijing'],
    });
    expect(region('广东')).toBe('guangdong');
    expect(region('GUANGDONG')).toBe('guangdong');
    expect(region(' beijing ')).toBe('beijing');
    expect(region('火星')).toBeNull();
    const size = listLookup(SIZE_BANDS, { '20-99': ['20–99 人', '20–99 employees'] });
    expect(size('20-99')).toBe('20-99');
    expect(size('20–99 人')).toBe('20-99');
  });

  it('maps industry names and codes to GB/T 4754 codes', () => {
    const industry = industryLookup({
      I: ['信息传输、软件和信息技术服务业', 'Information technology'],
      I65: ['软件和信息技术服务业', 'Software and IT services'],
    });
    expect(industry('软件和信息技术服务业')).toBe('I65');
    expect(industry('Software and IT Services')).toBe('I65');
    expect(industry('i65')).toBe('I65');
    expect(industry('I')).toBe('I');
    expect(industry('软件和信息技术服务业（SaaS）')).toBe('I65');
    expect(industry('Z99')).toBeNull();
    expect(industry('餐饮')).toBeNull();
  });

  it('maps an owner by e-mail or unique name', () => {
    const owner = memberLookup([
      { id: 'u1', name: '张伟', email: 'zhang.wei@example.com' },
      { id: 'u2', name: '李娜', email: 'li.na@example.com' },
      { id: 'u3', name: '李娜', email: 'li.na2@example.com' },
    ]);
    expect(owner('张伟')).toBe('u1');
    expect(owner('Zhang.Wei@Example.com')).toBe('u1');
    expect(owner('li.na2@example.com')).toBe('u3');
    expect(owner('李娜')).toBeNull();
    expect(owner('王芳')).toBeNull();
  });
});

describe('numbers, dates, booleans', () => {
  it('reads numbers with separators, full width, currency and 万', () => {
    expect(parseNumber('1,234,567.5')).toBe(1234567.5);
    expect(parseNumber('１２，３４５')).toBe(12345);
    expect(parseNumber('¥ 800')).toBe(800);
    expect(parseNumber('12.5万')).toBe(125000);
    expect(parseNumber('60%')).toBe(60);
    expect(parseNumber(42)).toBe(42);
    expect(parseNumber('about 5')).toBeNull();
  });

  it('reads dates in the common spellings and Excel serials', () => {
    expect(parseDate('2026/1/5')).toBe('2026-01-05');
    expect(parseDate('2026-01-05')).toBe('2026-01-05');
    expect(parseDate('2026年1月5日')).toBe('2026-01-05');
    expect(parseDate('2026.1.5 14:30')).toBe('2026-01-05');
    expect(parseDate(46027)).toBe('2026-01-05');
    expect(parseDate(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('next week')).toBeNull();
  });

  it('reads moments as the wall-clock time of the device, from text, serials and date cells alike', () => {
    const nineThirty = new Date(2026, 0, 5, 9, 30).getTime();
    expect(parseTimestamp('2026-01-05 09:30')).toBe(nineThirty);
    expect(parseTimestamp('2026年1月5日')).toBe(new Date(2026, 0, 5).getTime());
    expect(parseTimestamp(46027.395833333336)).toBe(nineThirty);
    // exceljs: a date cell's wall-clock time in the Date's UTC parts.
    expect(parseTimestamp(new Date(Date.UTC(2026, 0, 5, 9, 30)))).toBe(nineThirty);
  });

  it('reads booleans', () => {
    expect(parseBoolean('是')).toBe(true);
    expect(parseBoolean('否')).toBe(false);
    expect(parseBoolean('Yes')).toBe(true);
    expect(parseBoolean('no')).toBe(false);
    expect(parseBoolean('')).toBe(false);
    expect(parseBoolean('maybe')).toBeNull();
  });
});
