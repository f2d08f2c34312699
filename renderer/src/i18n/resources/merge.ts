import type { Bilingual } from './types';

/** Merging duplicate accounts, contacts and leads (issue 19): the lists' selection, the merge page, its errors. */
export const merge: Bilingual = {
  'zh-CN': {
    shortcuts: { listSelect: '选中或取消选中当前行（用于合并）' },
    merge: {
      action: '合并（{{count}}）',
      select: '选择',
      selectRow: '选中 {{name}}',
      title: { accounts: '合并客户', contacts: '合并联系人', leads: '合并线索' },
      description:
        '选择保留哪一条记录，并逐个字段选择保留哪个值。其余记录的联系人、商机、工单、合同、跟进记录和评论都会移到保留的记录下；其余记录会被删除并指向保留的记录，历史记录中保留每个被覆盖的值。',
      field: '字段',
      keep: '保留此记录',
      survivor: '保留的记录',
      sameFields: '{{count}} 个字段在所有记录中相同',
      moves: '将移到保留记录的相关记录',
      noMoves: '没有需要移动的相关记录',
      collections: {
        contacts: '联系人',
        deals: '商机',
        contracts: '合同',
        tickets: '工单',
        activities: '跟进记录和评论',
        leads: '线索',
      },
      empty: '（空）',
      confirm: '合并',
      confirmTitle: '确认合并',
      confirmText:
        '将 {{count}} 条记录合并到“{{name}}”。被合并的记录会被删除，无法直接撤销（历史记录中可以恢复被覆盖的值）。',
      done: '已合并到“{{name}}”',
      notFound: '找不到要合并的记录（可能已被删除或合并）。',
      mergedInto: '此记录已合并到另一条记录，已为您打开保留的记录。',
      errors: {
        missing: '找不到要合并的记录（可能已被删除或合并）。',
        tooFew: '至少选择两条记录才能合并。',
        survivorIsLoser: '保留的记录不能同时被合并掉。',
        alreadyMerged: '其中一条记录已经被合并过了。',
        unknownChoice: '字段“{{field}}”选择的值不属于这次合并的记录。',
      },
    },
  },
  en: {
    shortcuts: { listSelect: 'Select or unselect the focused row (for merging)' },
    merge: {
      action: 'Merge ({{count}})',
      select: 'Select',
      selectRow: 'Select {{name}}',
      title: { accounts: 'Merge accounts', contacts: 'Merge contacts', leads: 'Merge leads' },
      description:
        'Choose the record to keep and, field by field, which value it keeps. The contacts, deals, tickets, contracts, activities and comments of the others move to it; the others are deleted and point to it, and history keeps every value that is overwritten.',
      field: 'Field',
      keep: 'Keep this record',
      survivor: 'Record to keep',
      sameFields: '{{count}} fields are the same in every record',
      moves: 'Related records that move to the kept record',
      noMoves: 'No related records to move',
      collections: {
        contacts: 'Contacts',
        deals: 'Deals',
        contracts: 'Contracts',
        tickets: 'Tickets',
        activities: 'Activities and comments',
        leads: 'Leads',
      },
      empty: '(empty)',
      confirm: 'Merge',
      confirmTitle: 'Confirm merge',
      confirmText:
        'Merge {{count}} records into “{{name}}”. The merged records are deleted; this cannot simply be undone (history can restore overwritten values).',
      done: 'Merged into “{{name}}”',
      notFound: 'The records to merge were not found (they may have been deleted or merged).',
      mergedInto: 'This record was merged into another one; the kept record is open.',
      errors: {
        missing: 'The records to merge were not found (they may have been deleted or merged).',
        tooFew: 'Select at least two records to merge.',
        survivorIsLoser: 'The record to keep cannot also be merged away.',
        alreadyMerged: 'One of the records was already merged.',
        unknownChoice: 'The value chosen for “{{field}}” is not from a record of this merge.',
      },
    },
  },
};
