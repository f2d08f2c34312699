import { rejectRows, type RejectsInput } from '@shared/import/rejects';

/**
 * Rejected rows of an XLSX import back out as XLSX (issue 17: the same format as the input), the file's columns
 * plus the reason column; the CSV twin is `rejectsCsv` in shared/import/rejects.ts.
 */
export async function rejectsXlsx(
  input: RejectsInput,
  sheetName = 'Rejects',
): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...input.headers, input.reasonHeader]);
  for (const row of rejectRows(input)) sheet.addRow(row);
  return await workbook.xlsx.writeBuffer();
}
