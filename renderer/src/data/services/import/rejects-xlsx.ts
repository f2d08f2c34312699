import { rejectRows, type RejectsInput } from '@shared/import/rejects';
import { XlsxWriter, concatChunks } from '../xlsx/xlsx-writer';

/**
 * Rejected rows of an XLSX import back out as XLSX (issue 17: the same format as the input), the file's columns
 * plus the reason column, written with the streaming writer; the CSV twin is `rejectsCsv` in shared/import/rejects.ts.
 */
export function rejectsXlsx(input: RejectsInput, sheetName = 'Rejects'): ArrayBuffer {
  const writer = new XlsxWriter({
    sheetName,
    columns: [...input.headers, input.reasonHeader].map((header) => ({ header })),
  });
  const chunks: Uint8Array[] = [];
  for (const row of rejectRows(input)) {
    writer.addRow(row);
    chunks.push(...writer.takeChunks());
  }
  chunks.push(...writer.finish());
  return concatChunks(chunks).buffer;
}
