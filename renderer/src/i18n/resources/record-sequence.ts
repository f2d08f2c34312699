import type { Bilingual } from './types';

/**
 * Keyboard use of lists and records (issue 16): next/previous record on a record page, in the order of the list
 * it was opened from; the name of the search palette's scrolling results.
 */
export const recordSequence: Bilingual = {
  'zh-CN': {
    app: { search: { results: '搜索结果' } },
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
    app: { search: { results: 'Search results' } },
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
