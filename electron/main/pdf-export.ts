import { join } from 'node:path';
import type { PrintToPDFOptions, SaveDialogOptions } from 'electron';
import type { AppLanguage, PdfExportRequest } from '@shared/ipc/contract';
import { mainTexts } from './main-i18n';

/**
 * "Export as PDF" for an account plan or a quote: the save dialog to show and the `printToPDF` options.
 * The page's own print stylesheet decides what is printed; this module decides the paper and the file name.
 * Only types are imported from `electron`.
 */

// Characters Windows, macOS or Linux do not allow in file names, and control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_FILE_NAMES = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_BASE_NAME = 120;
const FALLBACK_NAME = 'Field CRM';

/**
 * A file name from a record's title ("华东电力 / 客户计划" → "华东电力 - 客户计划.pdf"): forbidden characters
 * become spaces or dashes, no leading/trailing dots or spaces, no Windows device names, at most 120 characters
 * before `.pdf`, and exactly one `.pdf` at the end.
 */
export function sanitizePdfFileName(name: string): string {
  let base = name
    .normalize('NFC')
    .replace(/\.pdf$/i, '')
    .replace(/\s*[/\\|]+\s*/g, ' - ')
    .replace(FORBIDDEN_IN_FILE_NAMES, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '');
  if (base === '' || WINDOWS_RESERVED.test(base)) base = base === '' ? FALLBACK_NAME : `${base}_`;
  // Cut by code points so a Chinese character or an emoji is never split in half.
  const codePoints = Array.from(base);
  if (codePoints.length > MAX_BASE_NAME)
    base = codePoints.slice(0, MAX_BASE_NAME).join('').trimEnd();
  return `${base}.pdf`;
}

export interface PdfExportPlan {
  dialog: SaveDialogOptions;
  print: PrintToPDFOptions;
}

export interface PdfExportInput {
  request: PdfExportRequest;
  language: AppLanguage;
  /** `app.getPath('documents')`: where the dialog opens. */
  documentsDir: string;
}

/** The save dialog (in the UI language, PDF filter, suggested name in Documents) and A4 print options. */
export function planPdfExport({ request, language, documentsDir }: PdfExportInput): PdfExportPlan {
  const texts = mainTexts(language).pdf;
  return {
    dialog: {
      title: texts.dialogTitle,
      defaultPath: join(documentsDir, sanitizePdfFileName(request.suggestedName)),
      filters: [{ name: texts.filterName, extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    },
    print: {
      // China and most of the world use A4; the page's @page rule wins when it sets a size.
      pageSize: 'A4',
      landscape: request.landscape ?? false,
      printBackground: true,
      preferCSSPageSize: true,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    },
  };
}

/**
 * The file to write after the dialog closed, or null when the person cancelled. `.pdf` is added when they
 * typed a name without it (GTK's dialog does not add it).
 */
export function resolvePdfTarget(result: { canceled: boolean; filePath?: string }): string | null {
  if (result.canceled || result.filePath === undefined || result.filePath.trim() === '')
    return null;
  return /\.pdf$/i.test(result.filePath) ? result.filePath : `${result.filePath}.pdf`;
}
