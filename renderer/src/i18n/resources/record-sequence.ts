import type { Bilingual } from './types';

/** Next/previous record on a record page, in the order of the list it was opened from (issue 16). */
export const recordSequence: Bilingual = {
  'zh-CN': {
    recordSequence: {
      previous: '上一条记录',
      next: '下一条记录',
      previousHint: '上一条记录（K）',
      nextHint: '下一条记录（J）',
      first: '已是列表中的第一条记录',
      last: '已是列表中的最后一条记录',
    },
  },
  en: {
    recordSequence: {
      previous: 'Previous record',
      next: 'Next record',
      previousHint: 'Previous record (K)',
      nextHint: 'Next record (J)',
      first: 'This is the first record of the list',
      last: 'This is the last record of the list',
    },
  },
};
