// @vitest-environment node
// exceljs is the oracle here: what our writer writes it reads, and what it writes our reader reads the same.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { XlsxWriter, concatChunks, type XlsxCell } from './xlsx-writer';
import { readXlsx, XlsxReadError, type XlsxValue } from './xlsx-reader';
import { isDateFormat } from './serial-dates';
import { columnIndexOf, columnLetters } from './xml-text';

function readAll(bytes: Uint8Array): Map<number, XlsxValue[]> {
  const rows = new Map<number, XlsxValue[]>();
  readXlsx(bytes, (cells, r) => rows.set(r, cells));
  return rows;
}

/** exceljs's reading of a sheet as plain values by row number (rich text joined, empty cells null). */
async function exceljsRows(bytes: Uint8Array): Promise<Map<number, XlsxValue[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  const rows = new Map<number, XlsxValue[]>();
  workbook.worksheets[0].eachRow((row, r) => {
    const cells: XlsxValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      while (cells.length < c - 1) cells.push(null);
      const v = cell.value as unknown;
      cells[c - 1] =
        v && typeof v === 'object' && 'richText' in v
          ? (v as { richText: { text: string }[] }).richText.map((p) => p.text).join('')
          : v && typeof v === 'object' && 'result' in v
            ? (v as { result: XlsxValue }).result
            : (v as XlsxValue);
    });
    rows.set(r, cells);
  });
  return rows;
}

describe('XlsxWriter', () => {
  it('writes typed cells, number formats, a bold frozen header that exceljs reads back', async () => {
    const writer = new XlsxWriter({
      sheetName: '客户/列表',
      columns: [
        { header: '名称', width: 20 },
        { header: 'Count', format: 'integer' },
        { header: '金额', format: 'money' },
        { header: '日期', format: 'date' },
        { header: '时间', format: 'datetime' },
        { header: 'Flag' },
      ],
    });
    const rows: XlsxCell[][] = [
      [
        '华为 <&> "quoted" \'x\'\u0000\u000b',
        3,
        1234567.5,
        new Date(Date.UTC(2026, 11, 31)),
        new Date(Date.UTC(2026, 11, 7, 9, 30)),
        true,
      ],
      ['  spaces kept  ', null, 0, null, undefined, false],
      ['😀 emoji and lone \uD800 surrogate', Number.NaN, -0.01, '', null, null],
    ];
    const chunks: Uint8Array[] = [];
    for (const row of rows) {
      writer.addRow(row);
      chunks.push(...writer.takeChunks());
    }
    chunks.push(...writer.finish());
    expect(writer.rowCount).toBe(3);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(concatChunks(chunks).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('客户 列表');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBe(20);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('华为 <&> "quoted" \'x\'');
    expect(first.getCell(2).value).toBe(3);
    expect(first.getCell(2).numFmt).toBe('0');
    expect(first.getCell(3).value).toBe(1234567.5);
    expect(first.getCell(3).numFmt).toBe('#,##0.00');
    expect((first.getCell(4).value as Date).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(first.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect((first.getCell(5).value as Date).toISOString()).toBe('2026-12-07T09:30:00.000Z');
    expect(first.getCell(6).value).toBe(true);
    const second = sheet.getRow(3);
    expect(second.getCell(1).value).toBe('  spaces kept  ');
    expect(second.getCell(2).value).toBeNull();
    expect(second.getCell(3).value).toBe(0);
    expect(second.getCell(6).value).toBe(false);
    const third = sheet.getRow(4);
    expect(third.getCell(1).value).toBe('😀 emoji and lone  surrogate');
    expect(third.getCell(2).value).toBeNull();
    expect(third.getCell(4).value).toBeNull();

    // Our reader reads it the same way.
    expect(readAll(concatChunks(chunks))).toEqual(await exceljsRows(concatChunks(chunks)));
  });

  it('streams: a large sheet comes out in many chunks while rows are added', () => {
    const writer = new XlsxWriter({
      columns: [{ header: 'n', format: 'integer' }, { header: 's' }],
    });
    let chunksWhileWriting = 0;
    for (let i = 0; i < 20_000; i++) {
      writer.addRow([i, `row ${i} ${Math.random()}`]);
      chunksWhileWriting += writer.takeChunks().length;
    }
    expect(chunksWhileWriting).toBeGreaterThan(1);
    writer.finish();
    expect(() => writer.addRow([1])).toThrow(/finished/);
  });
});

describe('readXlsx', () => {
  it('reads what exceljs wrote as exceljs reads it: shared strings, rich text, dates, numbers, gaps, Chinese', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    workbook.addWorksheet('second').addRow(['not read']);
    sheet.addRow(['公司名称', '金额', '成立日期', '更新时间', '备注']);
    sheet.addRow([
      '华为技术有限公司',
      1234.56,
      new Date(Date.UTC(2001, 4, 6)),
      new Date(Date.UTC(2026, 0, 2, 13, 45)),
      true,
    ]);
    sheet.addRow(['华为技术有限公司', 0, null, null, false]); // a repeated shared string
    sheet.getCell('C2').numFmt = 'yyyy"年"m"月"d"日"';
    sheet.getCell('D2').numFmt = 'yyyy-mm-dd hh:mm';
    sheet.getCell('B2').numFmt = '#,##0.00 "元"';
    sheet.getCell('A5').value = {
      richText: [{ text: 'Rich ' }, { text: '文本', font: { bold: true } }],
    };
    sheet.getCell('E5').value = 'gap before';
    sheet.getCell('G7').value = { formula: 'B2*2', result: 2469.12 };
    sheet.getCell('H7').value = { formula: 'A2&"!"', result: '华为技术有限公司!' };
    sheet.getCell('C8').value = 45000; // a plain number, no date format
    sheet.getCell('D8').value = 45000;
    sheet.getCell('D8').numFmt = 'm/d/yyyy';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const ours = readAll(bytes);
    expect(ours).toEqual(await exceljsRows(bytes));
    expect(ours.get(2)?.[0]).toBe('华为技术有限公司');
    expect(ours.get(3)?.[0]).toBe('华为技术有限公司');
    expect((ours.get(2)?.[2] as Date).toISOString()).toBe('2001-05-06T00:00:00.000Z');
    expect(ours.get(2)?.[1]).toBe(1234.56);
    expect(ours.get(5)).toEqual(['Rich 文本', null, null, null, 'gap before']);
    expect(ours.has(4)).toBe(false);
    expect(ours.get(7)?.slice(6)).toEqual([2469.12, '华为技术有限公司!']);
    expect(ours.get(8)?.[2]).toBe(45000);
    expect((ours.get(8)?.[3] as Date).toISOString()).toBe('2023-03-15T00:00:00.000Z');
  });

  it('reads inline strings, booleans, formula strings, errors and cells without references', () => {
    // A minimal workbook as other writers produce it: prefixed tags, no r attributes, no styles part.
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(
        `<x:workbook ${ns} xmlns:r="${rel}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="S" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="${rel}/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>`,
      ),
      'xl/worksheets/data.xml': strToU8(
        `<x:worksheet ${ns}><x:sheetData>` +
          '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r><x:r><x:t xml:space="preserve"> b</x:t></x:r><x:rPh><x:t>phonetic</x:t></x:rPh></x:is></x:c>' +
          '<x:c t="b"><x:v>1</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>a b</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c><x:v>1.5e3</x:v></x:c></x:row>' +
          '<x:row r="3"><x:c r="C3" t="d"><x:v>2026-03-04T05:06:07Z</x:v></x:c><x:c><x:v>&#20013;</x:v></x:c></x:row>' +
          '</x:sheetData></x:worksheet>',
      ),
    });
    const ours = readAll(bytes);
    expect(ours.get(1)).toEqual(['a b', true, 'a b', null, 1500]);
    expect(ours.get(3)?.[2]).toEqual(new Date('2026-03-04T05:06:07Z'));
    expect(ours.get(3)?.[3]).toBe('中');
    expect(readXlsx(bytes, () => {})).toEqual({ sheetName: 'S', lastRow: 3 });
  });

  it('gives a clear error for a truncated, a damaged and a non-XLSX file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    for (let i = 0; i < 2000; i++) sheet.addRow([`row ${i} ${i * 7919}`, i]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    expect(() => readXlsx(bytes.subarray(0, bytes.length >> 1), () => {})).toThrow(XlsxReadError);
    expect(() => readXlsx(new TextEncoder().encode('name,mobile\n'), () => {})).toThrow(
      /cannot be read/,
    );

    // The zip's directory is intact but the sheet's compressed bytes are not.
    const damaged = bytes.slice();
    const sheetAt = findLocalHeader(damaged, 'xl/worksheets/sheet1.xml');
    for (let i = sheetAt + 200; i < sheetAt + 400; i++) damaged[i] = 0xff;
    expect(() => readXlsx(damaged, () => {})).toThrow(XlsxReadError);
  });
});

function findLocalHeader(bytes: Uint8Array, name: string): number {
  const needle = new TextEncoder().encode(name);
  outer: for (let i = 0; i < bytes.length - needle.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b || bytes[i + 2] !== 3 || bytes[i + 3] !== 4)
      continue;
    for (let j = 0; j < needle.length; j++) if (bytes[i + 30 + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error(`no local header for ${name}`);
}

describe('cell references and date formats', () => {
  it('converts column letters both ways', () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(['A1', 'z9', 'AA10', 'AAA1', '12'].map(columnIndexOf)).toEqual([0, 25, 26, 702, -1]);
  });

  it('knows built-in and custom date formats from number formats', () => {
    expect([14, 15, 22, 45, 47].every((id) => isDateFormat(id, undefined))).toBe(true);
    expect(isDateFormat(0, undefined)).toBe(false);
    expect(isDateFormat(164, 'yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat(164, '[h]:mm:ss')).toBe(true);
    expect(isDateFormat(164, '[$-409]mmm d, yyyy')).toBe(true);
    expect(isDateFormat(164, '#,##0.00 "元"')).toBe(false);
    expect(isDateFormat(164, '[Red]#,##0.00')).toBe(false);
    expect(isDateFormat(164, '0.00E+00')).toBe(false);
    expect(isDateFormat(164, '@')).toBe(false);
  });
});
