import type { Bilingual } from './types';

/** Service tickets (工单): list, form, status workflow, SLA and CSAT. */
export const tickets: Bilingual = {
  'zh-CN': {
    tickets: {
      title: '工单',
      new: '新建工单',
      edit: '编辑工单',
      searchPlaceholder: '按主题或工单号搜索',
      notFound: '工单不存在或已被删除',
      backToList: '返回工单列表',
      activities: '处理记录',
      form: { pickAccountFirst: '请先选择客户', contactOption: '{{name}}（{{title}}）' },
      actions: { open: '开始处理', reopen: '重新打开', pending: '等待客户回复', resolved: '标记为已解决', closed: '关闭工单' },
      resolve: {
        title: '解决工单',
        description: '写明问题原因和处理方法，便于同事和客户查阅。',
        required: '解决工单前请填写解决方案',
      },
      sla: {
        title: '服务时效（SLA）',
        after: '{{time}}（用时 {{duration}}）',
        awaitingResponse: '尚未响应',
        unresolved: '尚未解决',
        minutes: '{{count}} 分钟',
        hoursMinutes: '{{hours}} 小时 {{minutes}} 分钟',
        daysHours: '{{days}} 天 {{hours}} 小时',
      },
      csat: { title: '客户满意度（CSAT）', hint: '按客户的评价打分：1 分非常不满意，5 分非常满意。' },
      errors: { transition: '工单不能从“{{from}}”变为“{{to}}”' },
    },
    fields: {
      number: '工单号', subject: '主题', description: '描述', accountId: '所属客户', contactId: '联系人', ticketType: '工单类型',
      priority: '优先级', assigneeId: '处理人', resolution: '解决方案', firstResponseAt: '首次响应', resolvedAt: '解决时间', status: '状态',
    },
  },
  en: {
    tickets: {
      title: 'Tickets',
      new: 'New ticket',
      edit: 'Edit ticket',
      searchPlaceholder: 'Search by subject or ticket number',
      notFound: 'This ticket does not exist or was deleted',
      backToList: 'Back to tickets',
      activities: 'Work log',
      form: { pickAccountFirst: 'Choose an account first', contactOption: '{{name}} ({{title}})' },
      actions: { open: 'Start work', reopen: 'Reopen', pending: 'Waiting for customer', resolved: 'Mark resolved', closed: 'Close ticket' },
      resolve: {
        title: 'Resolve ticket',
        description: 'Say what caused the problem and what was done, so colleagues and the customer can read it.',
        required: 'Write the resolution before resolving the ticket',
      },
      sla: {
        title: 'Service level (SLA)',
        after: '{{time}} (after {{duration}})',
        awaitingResponse: 'No response yet',
        unresolved: 'Not resolved yet',
        minutes: '{{count}} min',
        hoursMinutes: '{{hours}} h {{minutes}} min',
        daysHours: '{{days}} d {{hours}} h',
      },
      csat: { title: 'Customer satisfaction (CSAT)', hint: "Score the customer's rating: 1 very dissatisfied, 5 very satisfied." },
      errors: { transition: 'A ticket cannot go from "{{from}}" to "{{to}}"' },
    },
    fields: {
      number: 'Ticket number', subject: 'Subject', description: 'Description', accountId: 'Account', contactId: 'Contact', ticketType: 'Ticket type',
      priority: 'Priority', assigneeId: 'Assignee', resolution: 'Resolution', firstResponseAt: 'First response', resolvedAt: 'Resolved', status: 'Status',
    },
  },
};
