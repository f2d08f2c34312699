import type { Bilingual } from './types';

/** Ticket routing, CSAT and NPS (issue 21): the settings card, ticket fields, the CSAT card and the NPS panel. */
export const serviceDesk: Bilingual = {
  'zh-CN': {
    ticketRouting: {
      title: '工单自动分派',
      description:
        '没有处理人的新工单（同事新建、接口创建、离线后同步上来的）由服务器按技能分派一次：工单类型、产品、语言都匹配的处理人（留空表示不限）轮流接单；未结工单达到上限的人会被跳过；都不匹配或都已满时进入兜底队列。',
      adminOnly: '只有管理员可以修改工单分派规则。',
      enabled: '启用自动分派',
      agentLegend: '处理人 {{n}}',
      agent: '处理人',
      capacity: '未结工单上限',
      capacityHint: '新建、处理中、等待客户的工单；0 表示不限',
      types: '工单类型',
      products: '产品',
      productsHint: '输入产品名后回车；留空表示不限',
      languages: '语言',
      any: '不限',
      removeAgent: '移除处理人',
      addAgent: '添加处理人',
      fallback: '兜底队列',
      fallbackHint: '没有匹配的处理人或都已满时交给这里；不设置则工单保持未分派',
      fallbackNone: '不设置',
      fallbackMember: '指定成员',
      fallbackTeamManager: '团队经理',
      fallbackMemberLabel: '成员',
      fallbackTeamLabel: '团队（交给该团队的经理）',
      invalid: '请先修正标出的项目。',
      save: '保存分派规则',
      saved: '已保存分派规则，服务器会对之后到达的工单生效',
    },
    tickets: {
      fields: { product: '产品', language: '语言' },
      language: { zh: '中文', en: '英文' },
      routing: { auto: '自动分派（由服务器按技能分派）', routedAt: '自动分派时间' },
      csat: {
        comment: '客户评价',
        save: '保存满意度',
        recorded: '已记录：{{score}} 分（{{time}}）',
        scoreRequired: '请先选择 1 到 5 分',
      },
      errors: {
        csatNotResolved: '工单解决或关闭后才能记录满意度',
        csatScore: '满意度须为 1 到 5 分',
      },
    },
    contacts: {
      nps: {
        title: '净推荐值（NPS）',
        question: '您有多大可能把我们推荐给朋友或同事？（0 = 完全不可能，10 = 非常可能）',
        reason: '原因',
        save: '保存 NPS 回答',
        none: '还没有 NPS 回答',
        scoreRequired: '请先选择 0 到 10 分',
        summary: 'NPS {{score}}（{{count}} 份回答）',
        category: { promoter: '推荐者', passive: '中立者', detractor: '贬损者' },
      },
    },
    surveys: {
      makeLink: '生成调查链接',
      linkHint:
        '这个一次性链接只显示这一次。把它放进给客户的邮件里：客户打开后在网页上评分，回答只会记录一次，之后链接失效。',
      copy: '复制',
      copied: '已复制',
    },
    inboxItems: {
      rules: { ticketRouted: '分派规则把这张新工单分派给了你' },
    },
  },
  en: {
    ticketRouting: {
      title: 'Ticket routing',
      description:
        'New tickets without an assignee (created by a colleague, over the API, or synced after working offline) are routed once, by the server, by skill: agents whose ticket types, products and languages match (empty = any) take turns; agents at their cap of open tickets are skipped; when nobody matches or everyone is full, the fallback queue gets it.',
      adminOnly: 'Only admins can change ticket routing.',
      enabled: 'Route tickets automatically',
      agentLegend: 'Agent {{n}}',
      agent: 'Agent',
      capacity: 'Open tickets at most',
      capacityHint: 'New, open and pending tickets; 0 = no cap',
      types: 'Ticket types',
      products: 'Products',
      productsHint: 'Type a product and press Enter; empty = any',
      languages: 'Languages',
      any: 'Any',
      removeAgent: 'Remove agent',
      addAgent: 'Add agent',
      fallback: 'Fallback queue',
      fallbackHint:
        'Gets tickets no agent matches or when everyone is full; without one the ticket stays unassigned',
      fallbackNone: 'None',
      fallbackMember: 'A member',
      fallbackTeamManager: "A team's manager",
      fallbackMemberLabel: 'Member',
      fallbackTeamLabel: 'Team (its manager gets the ticket)',
      invalid: 'Please correct the marked fields first.',
      save: 'Save routing',
      saved: 'Routing saved: the server applies it to tickets that arrive from now on',
    },
    tickets: {
      fields: { product: 'Product', language: 'Language' },
      language: { zh: 'Chinese', en: 'English' },
      routing: { auto: 'Route automatically (by skill, on the server)', routedAt: 'Routed at' },
      csat: {
        comment: "Customer's comment",
        save: 'Save satisfaction',
        recorded: 'Recorded: {{score}} ({{time}})',
        scoreRequired: 'Choose a score from 1 to 5 first',
      },
      errors: {
        csatNotResolved: 'Satisfaction is recorded once the ticket is resolved or closed',
        csatScore: 'Satisfaction is a score from 1 to 5',
      },
    },
    contacts: {
      nps: {
        title: 'Net Promoter Score (NPS)',
        question:
          'How likely is it that you would recommend us to a friend or colleague? (0 = not at all, 10 = extremely)',
        reason: 'Reason',
        save: 'Save NPS answer',
        none: 'No NPS answers yet',
        scoreRequired: 'Choose a score from 0 to 10 first',
        summary: 'NPS {{score}} ({{count}} answers)',
        category: { promoter: 'Promoter', passive: 'Passive', detractor: 'Detractor' },
      },
    },
    surveys: {
      makeLink: 'Make a survey link',
      linkHint:
        "This one-time link is shown only now. Put it in the customer's e-mail: they open it and answer on the page; the answer is recorded once, then the link stops working.",
      copy: 'Copy',
      copied: 'Copied',
    },
    inboxItems: {
      rules: { ticketRouted: 'The routing gave you this new ticket' },
    },
  },
};
