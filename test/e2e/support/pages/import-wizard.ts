import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { pickOption } from './controls';

/** A file handed to the wizard's file chooser. */
export interface ImportFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A rejects file read back: its header (with the reason column) and its rows as text. */
export interface RejectsFile {
  fileName: string;
  header: string[];
  rows: string[][];
}

/** The import wizard (/import): its steps, the report, the duplicate preview and the downloads it offers. */
export class ImportWizard {
  readonly next: Locator;
  readonly counts: Locator;
  readonly issues: Locator;
  readonly groups: Locator;
  readonly summary: Locator;

  constructor(private readonly page: Page) {
    this.next = page.getByTestId('import-next');
    this.counts = page.getByTestId('import-counts');
    this.issues = page.getByTestId('import-issue');
    this.groups = page.getByTestId('import-duplicate-group');
    this.summary = page.getByTestId('import-summary');
  }

  /** Opens the wizard from a list's header (the list must be on screen). */
  async openFrom(kind: string): Promise<void> {
    await this.page.getByTestId(`${kind}-import`).click();
    await expect(this.page.getByTestId('import-stepper')).toBeVisible();
  }

  /** Chooses the file through the chooser, as a person does, and waits until it is read. */
  async chooseFile(file: ImportFile, expectedRows: number): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('import-choose').click();
    await (await chooser).setFiles(file);
    await expect(this.page.getByTestId('import-file-status')).toContainText(
      new RegExp(`${expectedRows} (行数据|data rows)`),
    );
  }

  /** The field select of the mapping row whose column has this header. */
  fieldOf(header: string): Locator {
    return this.page.getByRole('combobox', { name: new RegExp(`“${header}”`) });
  }

  /** Maps a cell text to a list value in the value step. */
  async mapValue(cell: string, label: string | RegExp): Promise<void> {
    await pickOption(
      this.page,
      this.page.getByRole('combobox', { name: `“${cell}”对应为` }),
      label,
    );
  }

  async goNext(): Promise<void> {
    await this.next.click();
  }

  /** The problems listed in the report, as [row, field, reason, value] texts. */
  async issueRows(): Promise<string[][]> {
    const out: string[][] = [];
    for (const row of await this.issues.all()) out.push(await row.locator('td').allTextContents());
    return out;
  }

  /** Sets one duplicate group's action (the radio in its segmented control). */
  async resolveGroup(group: Locator, action: string): Promise<void> {
    await group.getByText(action, { exact: true }).click();
    await expect(group.getByRole('radio', { name: action })).toBeChecked();
  }

  async downloadRejectsCsv(): Promise<RejectsFile> {
    const downloaded = this.page.waitForEvent('download');
    await this.page.getByTestId('import-rejects-csv').click();
    const download = await downloaded;
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(new TextDecoder('utf-8').decode(bytes), {
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    const [header = [], ...rows] = parsed.data;
    return { fileName: download.suggestedFilename(), header, rows };
  }

  async downloadRejectsXlsx(): Promise<RejectsFile> {
    const downloaded = this.page.waitForEvent('download');
    await this.page.getByTestId('import-rejects-xlsx').click();
    const download = await downloaded;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('the rejects workbook has no sheet');
    const table: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text);
      table.push(cells);
    });
    const [header = [], ...rows] = table;
    return { fileName: download.suggestedFilename(), header, rows };
  }

  /** Starts the import and waits for the summary. */
  async run(): Promise<void> {
    await this.next.click();
    await expect(this.summary).toBeVisible({ timeout: 30_000 });
  }

  summaryCount(key: 'created' | 'updated' | 'skipped' | 'rejected'): Locator {
    return this.page.getByTestId(`import-summary-${key}`).locator('td');
  }
}

/**
 * Text as GB18030 bytes (what Excel on a Chinese Windows saves): the browser's decoder read backwards, so the
 * test needs no encoder library. ASCII stays one byte; every character here is in the two-byte GBK range.
 */
export function encodeGb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`"${ch}" is not in GBK`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
