import type { Bilingual } from './types';

/**
 * Contracts to cash (issue 20): the contract number pattern card, contract approval, contracts from quotes, the
 * collections (回款) aging page and the inbox texts of their refusals.
 */
export const contractsToCash: Bilingual = {
  'zh-CN': {
    app: { nav: { collections: '回款账龄' } },
    validation: {
      contractNumber: {
        empty: '请输入编号规则',
        unknownToken:
          '规则中有无法识别的占位符，可用：{YYYY} {YY} {MM} {DD} {SEQ:n}（花括号只能用于占位符）',
        noSequence: '规则必须包含一个流水号 {SEQ:n}，例如 {SEQ:4}',
        twoSequences: '规则只能包含一个流水号 {SEQ:n}',
        sequenceDigits: '流水号位数须为 1 到 10，例如 {SEQ:4}',
        resetNeedsYear:
          '按年或按月重新编号时，规则须包含年份 {YYYY} 或 {YY}，否则不同年份的编号会重复',
        resetNeedsMonth: '按月重新编号时，规则须包含月份 {MM}，否则不同月份的编号会重复',
      },
    },
    contractNumbering: {
      title: '合同编号规则',
      description:
        '新合同按此规则自动生成编号（可在合同表单中修改）。同一工作区内合同编号不可重复，离线时重复的编号会在同步时被服务器拒绝。',
      adminOnly: '只有管理员可以修改合同编号规则。',
      pattern: '编号规则',
      patternHint:
        '占位符：{YYYY} 年、{YY} 两位年、{MM} 月、{DD} 日、{SEQ:4} 四位流水号；其余文字原样保留',
      reset: '流水号重新开始',
      resets: { yearly: '每年', monthly: '每月', never: '从不' },
      preview: '下一个编号预览：',
      previewInvalid: '规则有误，无法预览',
      save: '保存',
      saved: '合同编号规则已保存',
      proposed: '按编号规则生成，可修改',
      errors: { taken: '该合同编号已被另一份合同使用，请换一个编号' },
    },
    contractApproval: {
      title: '合同审批',
      needed: '合同金额 {{amount}} 超过审批阈值 {{threshold}}，需审批通过后才能生效。',
      notNeeded: '合同金额未超过审批阈值 {{threshold}}，无需审批。',
      request: '提交审批',
      requested: '已提交审批',
      status: {
        none: '尚未提交审批',
        pending: '审批中',
        approved: '已批准',
        rejected: '已驳回',
      },
      errors: { needsApproval: '合同金额超过审批阈值，审批通过前不能设为“执行中”' },
    },
    contractFromQuote: {
      create: '生成合同',
      title: '{{deal}} 合同（报价 V{{version}}）',
      notesHeading: '来自报价 V{{version}}：',
      line: '{{product}} × {{quantity}}{{unit}}，单价 {{price}}，折扣 {{discount}}%',
      total: '报价总额（含税）：{{total}}',
    },
    collections: {
      title: '回款账龄',
      description: '已到期未收回的回款计划（按最早到期的分期先收的规则计算），按负责人和账龄分组。',
      owner: '负责人',
      allOwners: '全部负责人',
      noOwner: '（无负责人）',
      buckets: {
        d0to30: '0–30 天',
        d31to60: '31–60 天',
        d61to90: '61–90 天',
        d90plus: '90 天以上',
      },
      total: '合计',
      totals: '总计',
      instalments: '逾期分期',
      contract: '合同',
      account: '客户',
      dueDate: '到期日',
      daysOverdue: '逾期天数',
      outstanding: '未收金额',
      bucket: '账龄',
      empty: '没有逾期未收的回款。',
      exportName: '回款账龄',
    },
    sync: {
      rejected: {
        contractNumberTaken:
          '合同编号 {{number}} 已被合同“{{existingTitle}}”使用（负责人：{{ownerName}}）',
        contractApproval: '合同金额超过审批阈值 {{threshold}}，审批通过前不能生效',
      },
    },
    inbox: {
      hints: {
        contractNumberTaken:
          '给这份合同换一个编号后重新应用（已按编号规则建议下一个可用编号），合同内容不会丢失。',
        contractApproval:
          '在合同页面提交审批，批准后再把状态设为“执行中”；或把状态改回草稿后重新应用。',
      },
      contractNumber: {
        label: '新的合同编号',
        apply: '用此编号重新应用',
        openExisting: '打开已有合同',
      },
    },
  },
  en: {
    app: { nav: { collections: 'Collections' } },
    validation: {
      contractNumber: {
        empty: 'Enter a numbering pattern',
        unknownToken:
          'The pattern has a token it does not know; use {YYYY} {YY} {MM} {DD} {SEQ:n} (braces only for tokens)',
        noSequence: 'The pattern needs one sequence {SEQ:n}, e.g. {SEQ:4}',
        twoSequences: 'The pattern may have only one sequence {SEQ:n}',
        sequenceDigits: 'A sequence has 1 to 10 digits, e.g. {SEQ:4}',
        resetNeedsYear:
          'A sequence restarting every year or month needs {YYYY} or {YY} in the pattern, or numbers of different years would collide',
        resetNeedsMonth:
          'A sequence restarting every month needs {MM} in the pattern, or numbers of different months would collide',
      },
    },
    contractNumbering: {
      title: 'Contract numbers',
      description:
        'New contracts get their number from this pattern (it can be changed in the contract form). Numbers are unique in the workspace; a duplicate made offline is refused by the server when it syncs.',
      adminOnly: 'Only an admin can change the contract number pattern.',
      pattern: 'Pattern',
      patternHint:
        'Tokens: {YYYY} year, {YY} two-digit year, {MM} month, {DD} day, {SEQ:4} four-digit sequence; other text is kept as is',
      reset: 'Sequence restarts',
      resets: { yearly: 'Every year', monthly: 'Every month', never: 'Never' },
      preview: 'Next number: ',
      previewInvalid: 'The pattern has an error: no preview',
      save: 'Save',
      saved: 'Contract number pattern saved',
      proposed: 'Made from the numbering pattern; you may change it',
      errors: { taken: 'Another contract already has this number: choose another one' },
    },
    contractApproval: {
      title: 'Contract approval',
      needed:
        'The amount {{amount}} is above the approval threshold {{threshold}}: the contract becomes active once approved.',
      notNeeded:
        'The amount is not above the approval threshold {{threshold}}: no approval needed.',
      request: 'Request approval',
      requested: 'Approval requested',
      status: {
        none: 'Not requested yet',
        pending: 'Pending',
        approved: 'Approved',
        rejected: 'Rejected',
      },
      errors: {
        needsApproval:
          'The amount is above the approval threshold: the contract cannot be active before it is approved',
      },
    },
    contractFromQuote: {
      create: 'Create contract',
      title: '{{deal}} contract (quote v{{version}})',
      notesHeading: 'From quote v{{version}}:',
      line: '{{product}} × {{quantity}}{{unit}}, unit price {{price}}, discount {{discount}}%',
      total: 'Quote total (incl. tax): {{total}}',
    },
    collections: {
      title: 'Collections aging',
      description:
        'Instalments past their due date and not fully received (payments pay the oldest instalment first), by owner and age.',
      owner: 'Owner',
      allOwners: 'All owners',
      noOwner: '(no owner)',
      buckets: {
        d0to30: '0–30 days',
        d31to60: '31–60 days',
        d61to90: '61–90 days',
        d90plus: 'Over 90 days',
      },
      total: 'Total',
      totals: 'All owners',
      instalments: 'Overdue instalments',
      contract: 'Contract',
      account: 'Account',
      dueDate: 'Due date',
      daysOverdue: 'Days overdue',
      outstanding: 'Outstanding',
      bucket: 'Age',
      empty: 'Nothing is overdue.',
      exportName: 'Collections aging',
    },
    sync: {
      rejected: {
        contractNumberTaken:
          'Contract number {{number}} is already used by the contract “{{existingTitle}}” (owner: {{ownerName}})',
        contractApproval:
          'The amount is above the approval threshold {{threshold}}: the contract cannot be active before it is approved',
      },
    },
    inbox: {
      hints: {
        contractNumberTaken:
          'Give this contract another number and apply it again (the next free number by the pattern is proposed); nothing of the contract is lost.',
        contractApproval:
          'Request approval on the contract page and set it active once approved; or set it back to draft and apply again.',
      },
      contractNumber: {
        label: 'New contract number',
        apply: 'Apply again with this number',
        openExisting: 'Open the existing contract',
      },
    },
  },
};
