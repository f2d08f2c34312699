import { writeFile } from 'node:fs/promises';
import { app, type BrowserWindow, dialog } from 'electron';
import type { AppLanguage, PdfExportRequest } from '@shared/ipc/contract';
import { planPdfExport, resolvePdfTarget } from './pdf-export';

/** Asks where to save, then prints the window's page to that PDF file. */
export async function exportWindowAsPdf(
  window: BrowserWindow | null,
  request: PdfExportRequest,
  language: AppLanguage,
): Promise<'saved' | 'cancelled'> {
  if (window === null || window.isDestroyed()) throw new Error('no window to export');
  const plan = planPdfExport({ request, language, documentsDir: app.getPath('documents') });
  const target = resolvePdfTarget(await dialog.showSaveDialog(window, plan.dialog));
  if (target === null) return 'cancelled';
  const pdf = await window.webContents.printToPDF(plan.print);
  await writeFile(target, pdf);
  return 'saved';
}
