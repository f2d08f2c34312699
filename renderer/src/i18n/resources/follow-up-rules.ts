import type { Bilingual } from './types';

/** The follow-up rules card in Settings (shared/rules/follow-up.ts, key-dates.ts; issue 18). */
export const followUpRules: Bilingual = {
  'zh-CN': {
    followUpRules: {
      title: '跟进提醒规则',
      description:
        '客户长时间没有跟进时提醒负责人，再过一段时间仍未跟进则上报给负责人的上级（所在团队的经理，团队没有经理时逐级向上）。提醒在每台电脑上根据本地数据计算，离线也有效。',
      adminOnly: '只有管理员可以修改跟进提醒规则。',
      enabled: '启用',
      workingDaysOnly: '只计工作日（周一至周五，周末不计入未跟进时间）',
      lead: {
        title: '新线索未跟进',
        remindAfterHours: '未跟进多少小时后提醒负责人',
        escalateAfterHours: '再过多少小时后上报上级',
      },
      deal: {
        title: '进行中的商机未跟进',
        remindAfterDays: '未跟进多少天后提醒负责人',
        escalateAfterDays: '再过多少天后上报上级',
        stagesTitle: '按阶段设置',
        stage: '阶段',
        override: '单独设置',
      },
      task: { title: '任务逾期', hint: '任务过了截止日期仍未完成时提醒负责人。' },
      payment: {
        title: '回款逾期',
        escalateAfterDays: '逾期多少天后上报上级',
      },
      renewal: {
        title: '合同到期与续约',
        windowsDays: '到期前多少天提醒（用逗号分隔，每个单独提醒）',
      },
      birthday: { title: '联系人生日', leadDays: '提前多少天提醒' },
      anniversary: { title: '客户合作周年', leadDays: '提前多少天提醒' },
      save: '保存跟进提醒规则',
      saved: '跟进提醒规则已保存，所有电脑同步后按新规则计算提醒。',
      invalid: '有些设置不正确，请按提示修改后再保存。',
      reset: '恢复默认值',
    },
  },
  en: {
    followUpRules: {
      title: 'Follow-up rules',
      description:
        "Remind a record's owner when a customer has gone without follow-up for too long, and escalate to the owner's managers (the managers of their team, up the team tree when a team has none) when it stays that way. Reminders are computed on each computer from its local data, offline too.",
      adminOnly: 'Only admins can change the follow-up rules.',
      enabled: 'On',
      workingDaysOnly:
        'Count working days only (Monday to Friday; weekends do not count as idle time)',
      lead: {
        title: 'New lead without follow-up',
        remindAfterHours: 'Remind the owner after (hours)',
        escalateAfterHours: 'Escalate to the managers after a further (hours)',
      },
      deal: {
        title: 'Open deal without follow-up',
        remindAfterDays: 'Remind the owner after (days)',
        escalateAfterDays: 'Escalate to the managers after a further (days)',
        stagesTitle: 'Per stage',
        stage: 'Stage',
        override: 'Own setting',
      },
      task: {
        title: 'Overdue task',
        hint: 'Remind the owner when a task is past its due date and not done.',
      },
      payment: {
        title: 'Overdue payment',
        escalateAfterDays: 'Escalate to the managers after (days overdue)',
      },
      renewal: {
        title: 'Contract expiry and renewal',
        windowsDays:
          'Remind this many days before the end date (comma-separated, one reminder each)',
      },
      birthday: { title: "Contacts' birthdays", leadDays: 'Remind this many days ahead' },
      anniversary: { title: 'Customer anniversaries', leadDays: 'Remind this many days ahead' },
      save: 'Save follow-up rules',
      saved: 'Follow-up rules saved: every computer computes reminders by them once it has synced.',
      invalid: 'Some settings are not valid: correct them as shown, then save.',
      reset: 'Restore the defaults',
    },
  },
};
