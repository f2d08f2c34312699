import type { Bilingual } from './types';

/** Texts of the desktop integration (menu commands carried out in the page). */
export const desktop: Bilingual = {
  'zh-CN': {
    desktop: {
      pdf: {
        saved: 'PDF 已保存',
        failed: '导出 PDF 失败：请确认保存位置可以写入，然后重试。',
        unsupported: '此环境不能导出 PDF，请使用浏览器的“打印 → 另存为 PDF”。',
      },
    },
  },
  en: {
    desktop: {
      pdf: {
        saved: 'PDF saved',
        failed:
          'Could not export the PDF: check that the folder can be written to, then try again.',
        unsupported: 'PDF export is not available here; use your browser’s Print → Save as PDF.',
      },
    },
  },
};
