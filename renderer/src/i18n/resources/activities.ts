import type { Bilingual } from './types';

/** Interaction records (跟进记录), tasks and the customer timeline. */
export const activities: Bilingual = {
  'zh-CN': {
    activities: {
      log: '记录跟进',
      logType: { call: '记录电话', visit: '记录拜访', meeting: '记录会议', email: '记录邮件', note: '添加备注', task: '新建任务' },
      defaultSubject: { call: '电话跟进', meeting: '会议沟通', email: '邮件沟通', visit: '上门拜访', note: '备注', task: '待办任务' },
      form: {
        title: '记录跟进', editTitle: '编辑跟进记录', taskTitle: '新建任务', relatedTo: '关联{{type}}：{{label}}', accountPlaceholder: '搜索客户名称',
        outcomePlaceholder: '例如：客户认可方案，等待预算审批', nextStepPlaceholder: '例如：周五前发送报价单',
        followUp: '同时为下一步创建任务，截止日期',
      },
      noAccountFound: '没有找到匹配的客户',
      none: '还没有跟进记录',
      typedSubject: '{{type}} · {{subject}}',
      relatedLink: '{{type}}：{{label}}',
      labelColon: '{{label}}：',
      tasks: {
        title: '任务', empty: '没有任务', markDone: '完成任务“{{subject}}”', edit: '编辑任务', dueToday: '今天到期',
        overdueSince: '已逾期（{{date}}）', doneNotice: '已完成：{{subject}}', undo: '撤销',
      },
      timeline: {
        empty: '时间线上还没有内容：记录一次电话或拜访吧。',
        filter: { all: '全部', activity: '跟进', deal: '商机', ticket: '工单', contract: '合同' },
        deal: '商机：{{name}}', ticket: '工单 {{number}}：{{subject}}', contract: '合同 {{number}}：{{title}}', contractEnds: '到期日 {{date}}',
      },
    },
    fields: {
      subject: '主题', body: '详细内容', outcome: '结果', nextStep: '下一步', occurredAt: '时间', dueDate: '截止日期',
      description: '描述', accountId: '所属客户', ownerId: '负责人',
    },
  },
  en: {
    activities: {
      log: 'Log activity',
      logType: { call: 'Log a call', visit: 'Log a visit', meeting: 'Log a meeting', email: 'Log an e-mail', note: 'Add a note', task: 'New task' },
      defaultSubject: { call: 'Follow-up call', meeting: 'Meeting', email: 'E-mail follow-up', visit: 'Customer visit', note: 'Note', task: 'To do' },
      form: {
        title: 'Log activity', editTitle: 'Edit activity', taskTitle: 'New task', relatedTo: 'Related {{type}}: {{label}}', accountPlaceholder: 'Search by account name',
        outcomePlaceholder: 'e.g. The customer likes the proposal; budget approval pending', nextStepPlaceholder: 'e.g. Send the quote by Friday',
        followUp: 'Also create a task for the next step, due',
      },
      noAccountFound: 'No matching account',
      none: 'No activities yet',
      typedSubject: '{{type}} · {{subject}}',
      relatedLink: '{{type}}: {{label}}',
      labelColon: '{{label}}: ',
      tasks: {
        title: 'Tasks', empty: 'No tasks', markDone: 'Mark "{{subject}}" done', edit: 'Edit task', dueToday: 'Due today',
        overdueSince: 'Overdue ({{date}})', doneNotice: 'Done: {{subject}}', undo: 'Undo',
      },
      timeline: {
        empty: 'Nothing on the timeline yet: log a call or a visit.',
        filter: { all: 'All', activity: 'Activities', deal: 'Deals', ticket: 'Tickets', contract: 'Contracts' },
        deal: 'Deal: {{name}}', ticket: 'Ticket {{number}}: {{subject}}', contract: 'Contract {{number}}: {{title}}', contractEnds: 'Ends {{date}}',
      },
    },
    fields: {
      subject: 'Subject', body: 'Details', outcome: 'Outcome', nextStep: 'Next step', occurredAt: 'Time', dueDate: 'Due date',
      description: 'Description', accountId: 'Account', ownerId: 'Owner',
    },
  },
};
