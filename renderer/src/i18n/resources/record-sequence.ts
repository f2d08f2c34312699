import type { Bilingual } from './types';

/**
 * Keyboard use of lists and records (issue 16): next/previous record on a record page, in the order of the list
 * it was opened from; the name of the search palette's scrolling results; a lead list row's `c`, a contact or lead row's `m` (comments).
 */
export const recordSequence: Bilingual = {
  'zh-CN': {
    app: { search: { results: '搜索结果' } },
    leads: { convert: { actionHint: '转化为客户（在选中的行上按 C）' } },
    shortcuts: {
      listConvertLead: '将选中的线索转化为客户',
      listComments: '打开选中的联系人或线索的评论',
    },
    comments: { openHint: '评论（在选中的行上按 M）' },
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
    leads: { convert: { actionHint: 'Convert to account (C on the focused row)' } },
    shortcuts: {
      listConvertLead: 'Convert the focused lead to an account',
      listComments: 'Open the comments of the focused contact or lead',
    },
    comments: { openHint: 'Comments (M on the focused row)' },
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
