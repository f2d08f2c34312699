// The fixture's raw bytes are the point of the test (no bundler import keeps GB18030 bytes); this test runs in
// the Node project only, so reading the file with Node is safe here.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from './encoding';

const FIRST_LINE = '公司名称,统一社会信用代码,行业,手机';

describe('decodeText', () => {
  it('reads a GB18030 file (made with iconv) as GB18030', () => {
    const bytes = new Uint8Array(
      readFileSync(new URL('./fixtures/accounts-gb18030.csv', import.meta.url)),
    );
    // The fixture really is not UTF-8: the same text in UTF-8 has other bytes.
    expect(Buffer.from(bytes).equals(Buffer.from(FIRST_LINE))).toBe(false);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text.split('\n')[0]).toBe(FIRST_LINE);
    expect(decoded.text).toContain('深圳市腾讯计算机系统有限公司');
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(FIRST_LINE)]);
    expect(decodeText(bytes)).toEqual({ text: FIRST_LINE, encoding: 'utf-8-bom' });
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(new TextEncoder().encode(FIRST_LINE))).toEqual({
      text: FIRST_LINE,
      encoding: 'utf-8',
    });
  });
});
