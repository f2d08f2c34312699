import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

/** A CSV export read back: whether it began with the UTF-8 BOM, its header and its rows. */
export interface CsvFile {
  fileName: string;
  bom: boolean;
  header: string[];
  rows: string[][];
}

/** An XLSX export read back with exceljs: the first sheet's header and its rows of cells. */
export interface XlsxFile {
  fileName: string;
  sheet: ExcelJS.Worksheet;
  header: string[];
  rows: ExcelJS.Row[];
}

/** The "Export" menu in a list's header (CSV / Excel), and the files it downloads read back in Node. */
export class ListExport {
  readonly button: Locator;

  constructor(
    private readonly page: Page,
    testId: string,
  ) {
    this.button = page.getByTestId(testId);
  }

  /** Chooses a format from the menu and waits for the download. */
  async download(format: 'csv' | 'xlsx'): Promise<Download> {
    await this.button.click();
    const downloaded = this.page.waitForEvent('download');
    await this.page.getByTestId(`export-${format}`).click();
    return downloaded;
  }

  async csv(): Promise<CsvFile> {
    const download = await this.download('csv');
    const bytes = await readFile(await download.path());
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const text = new TextDecoder('utf-8').decode(bytes); // drops the BOM
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header = [], ...rows] = parsed.data;
    return { fileName: download.suggestedFilename(), bom, header, rows };
  }

  async xlsx(): Promise<XlsxFile> {
    const download = await this.download('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('the workbook has no sheet');
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(row);
    });
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    return { fileName: download.suggestedFilename(), sheet, header, rows };
  }
}

/** The column headers and the body rows' cell texts of a list's grid, as the person sees them. */
export async function gridContents(grid: Locator): Promise<{ header: string[]; rows: string[][] }> {
  // The merge selection column holds only checkboxes (never exported): what the list shows is the rest.
  const shown = ':not([data-column="merge-select"])';
  const header = await grid.locator(`[role="columnheader"]${shown}`).allTextContents();
  const rows: string[][] = [];
  for (const row of await grid.locator('[role="row"][data-row-index]').all())
    rows.push(await row.locator(`[role="gridcell"]${shown}`).allTextContents());
  return { header, rows };
}
