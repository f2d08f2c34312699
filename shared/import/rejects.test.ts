import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rejectsCsv } from './rejects';

describe('rejectsCsv', () => {
  it('writes the rejected rows in the input columns plus a reason, and reads back', () => {
    const csv = rejectsCsv({
      headers: ['公司名称', '手机', '备注'],
      rows: [
        ['好公司有限公司', '13800138000', ''],
        ['', '12345', '含,逗号和"引号"'],
        ['另一家', 'abc'],
      ],
      issues: [
        { row: 3, field: 'name', reason: 'validation.required' },
        { row: 3, field: 'mobile', reason: 'validation.mobile.format' },
        { row: 4, field: 'mobile', reason: 'validation.mobile.format' },
      ],
      reasonHeader: '错误原因',
      describe: (issue) => `${issue.field}: ${issue.reason}`,
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ['公司名称', '手机', '备注', '错误原因'],
      [
        '',
        '12345',
        '含,逗号和"引号"',
        'name: validation.required; mobile: validation.mobile.format',
      ],
      ['另一家', 'abc', '', 'mobile: validation.mobile.format'],
    ]);
  });
});
