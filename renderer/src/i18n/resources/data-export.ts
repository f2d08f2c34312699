import type { Bilingual } from './types';

/** Export of lists to CSV and Excel (issue 17 "Export"): the header's menu and the progress of a large export. */
export const dataExport: Bilingual = {
  'zh-CN': {
    export: {
      button: '导出',
      menuLabel: '导出当前列表（筛选、排序和显示的列）',
      csv: '导出为 CSV',
      xlsx: '导出为 Excel（.xlsx）',
      progressTitle: '正在导出“{{name}}”',
      progress: '已写入 {{done}} / {{total}} 行',
      progressUnknown: '已写入 {{done}} 行',
      cancel: '取消导出',
      done_one: '已导出 {{count}} 行：{{file}}',
      done_other: '已导出 {{count}} 行：{{file}}',
      unknownReason: '未知错误',
      cancelled: '导出已取消，没有生成文件。',
      failed: '导出失败：{{reason}}。请重试；如果仍然失败，请缩小筛选范围后再导出。',
    },
  },
  en: {
    export: {
      button: 'Export',
      menuLabel: 'Export this list (filters, sort and shown columns)',
      csv: 'Export as CSV',
      xlsx: 'Export as Excel (.xlsx)',
      progressTitle: 'Exporting “{{name}}”',
      progress: '{{done}} of {{total}} rows written',
      progressUnknown: '{{done}} rows written',
      cancel: 'Cancel export',
      done_one: 'Exported {{count}} row: {{file}}',
      done_other: 'Exported {{count}} rows: {{file}}',
      unknownReason: 'unknown error',
      cancelled: 'The export was cancelled; no file was made.',
      failed:
        'The export failed: {{reason}}. Try again; if it fails again, narrow the filter and export again.',
    },
  },
};
